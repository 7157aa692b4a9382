#!/usr/bin/env python3
"""Locales: which one a run uses (--locale, LC_ALL, LC_MESSAGES, LANG), what changes with it
(every word, the place names, the handout's language and paper) and what never does (ids,
levels, keys, exit codes), and the checks an overlay must pass.

    test_locales.py BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import tempfile
import unittest

from harness import SOURCE_DIR, main, run

CALM = ["--no-red-flags", "--duration-weeks", "2", "--sensation", "dull", "--spread", "one-spot",
        "--region", "lower", "--age", "40", "--pregnant", "no", "--daily-life", "no"]
RULES = os.path.join(SOURCE_DIR, "rules")
CASES = os.path.join(RULES, "tests", "back-pain.test.yaml")
SHIPPED = ["en-GB", "en-US", "es", "es-ES", "es-US"]


def report(args, env=None):
    code, out, err = run(["--json", "--no-input"] + args, env=env)
    assert code in (0, 3), err
    return json.loads(out)


def ids_only(r):
    """What a script acts on, which no locale may change."""
    return {
        "level": r["level"], "complete": r["complete"],
        "red_flags": [f["id"] for f in r["red_flags"]],
        "reasons": [x["id"] for x in r["reasons"]],
        "classification": r["classification"],
        "routine": [(x["id"], x["position"]) for x in r["routine"]],
        "avoid": [x["id"] for x in r["avoid"]],
        "watch_for": [(x["id"], x["level"]) for x in r["watch_for"]],
        "unanswered": r["unanswered"], "answers": r["answers"],
        "assumed": [x["id"] for x in r["assumed"]],
    }


def texts(value, key=None):
    """Every text a person reads in a report: not ids, sources or the trace."""
    if key in ("id", "source", "trace", "answers", "unanswered", "level", "ruleset"):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from texts(v)


class Choosing(unittest.TestCase):
    def test_the_rules_own_language_by_default_and_in_the_c_locale(self):
        self.assertEqual(report(CALM)["locale"], "en-GB")
        self.assertEqual(report(CALM, env={"LC_ALL": "C"})["locale"], "en-GB")
        self.assertEqual(report(CALM, env={"LC_ALL": "", "LANG": "POSIX"})["locale"], "en-GB")

    def test_the_environment_as_posix_orders_it(self):
        es_es = report(CALM, env={"LC_ALL": "", "LANG": "es_ES.UTF-8"})
        self.assertEqual(es_es["locale"], "es-ES")
        self.assertEqual(es_es["level_label"], "Cuide su espalda en casa")
        env = {"LC_ALL": "", "LC_MESSAGES": "es_US.UTF-8", "LANG": "es_ES.UTF-8"}
        self.assertEqual(report(CALM, env=env)["locale"], "es-US")
        env = {"LC_ALL": "es_ES@euro", "LC_MESSAGES": "es_US.UTF-8"}
        self.assertEqual(report(CALM, env=env)["locale"], "es-ES")

    def test_a_country_without_its_own_overlay_reads_its_language(self):
        self.assertEqual(report(CALM + ["--locale", "es-MX"])["locale"], "es")
        self.assertEqual(report(CALM, env={"LC_ALL": "", "LANG": "es_AR.UTF-8"})["locale"], "es")
        self.assertEqual(report(CALM + ["--locale", "en-AU"])["locale"], "en-GB")

    def test_a_language_the_rules_lack(self):
        # From the environment it is no error: the rules' own language.
        self.assertEqual(report(CALM, env={"LC_ALL": "", "LANG": "fr_FR.UTF-8"})["locale"],
                         "en-GB")
        code, out, err = run(["--locale", "fr"] + CALM)
        self.assertEqual((code, out), (2, ""))
        self.assertRegex(err, r"^backtriage: option '--locale': the rules have no fr \(they have "
                              r"en-GB(, [A-Za-z-]+)+\)\n$")
        code, out, err = run(["--locale", "spanish"] + CALM)
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, "backtriage: option '--locale': 'spanish' is not a language tag "
                              "such as en-GB, en-US, es or es-US\n")

    def test_a_malformed_locale_option_is_a_usage_error(self):
        # An empty one too: it is not "the environment's" (LC_ALL here says es-ES).
        for tag in ["!!", "es_US", "es-", "e", ""]:
            for args in (["--locale", tag] + CALM, [f"--locale={tag}"] + CALM,
                         ["test", "--locale", tag, CASES], ["questions", "--locale", tag]):
                with self.subTest(args[:2]):
                    code, out, err = run(args, env={"LC_ALL": "es_ES.UTF-8"})
                    self.assertEqual((code, out), (2, ""))
                    self.assertEqual(err, f"backtriage: option '--locale': '{tag}' is not a "
                                          "language tag such as en-GB, en-US, es or es-US\n")

    def test_a_malformed_environment_silently_means_the_rules_own_language(self):
        for env in [{"LC_ALL": "", "LANG": "garbage"}, {"LC_ALL": "garbage"},
                    {"LC_ALL": "", "LC_MESSAGES": "!!", "LANG": "es_ES.UTF-8"},
                    {"LC_ALL": "", "LANG": "es_ÑÑ.UTF-8"}, {"LC_ALL": "", "LANG": "_US.UTF-8"}]:
            with self.subTest(env=env):
                code, out, err = run(["--json", "--no-input"] + CALM, env=env)
                self.assertEqual((code, err), (0, ""))
                self.assertEqual(json.loads(out)["locale"], "en-GB")

    def test_the_locale_option_beats_the_environment(self):
        r = report(CALM + ["--locale", "es-US"], env={"LC_ALL": "es_ES.UTF-8"})
        self.assertEqual(r["locale"], "es-US")


class WhatChanges(unittest.TestCase):
    def test_the_words_change_and_the_ids_levels_and_keys_do_not(self):
        cases = [CALM, ["--no-red-flags", "--duration-weeks", "20", "--sensation", "electric",
                        "--spread", "spreads", "--below-knee", "yes", "--region", "both"],
                 ["--no-red-flags", "--bladder-bowel", "yes"], ["--aortic-signs", "yes"],
                 ["--fever", "unsure"], ["--no-red-flags", "--pregnant", "yes",
                                         "--pregnancy-signs", "yes"],
                 ["--no-red-flags", "--region", "upper"]]
        for args in cases:
            base = report(args)
            for tag in SHIPPED[1:]:
                with self.subTest(args=args, locale=tag):
                    r = report(args + ["--locale", tag])
                    self.assertEqual(list(r), list(base))
                    self.assertEqual(ids_only(r), ids_only(base))
                    if tag.startswith("es"):
                        self.assertNotEqual(r["advice"], base["advice"])

    def test_every_case_file_case_passes_in_every_locale(self):
        # The Spanish vignettes: stories in patients' words, answered from the Spanish prompts
        # by readers of Spanish only (see the file's header).
        vignettes = os.path.join(RULES, "tests", "back-pain.es-vignettes.test.yaml")
        for tag in SHIPPED:
            for cases, count in ((CASES, 149), (vignettes, 40)):
                with self.subTest(locale=tag, cases=cases):
                    code, out, err = run(["test", "--locale", tag, cases])
                    self.assertEqual(code, 0, out + err)
                    self.assertRegex(out, rf"\b{count} passed, 0 failed")

    def test_the_local_number_and_places_of_care(self):
        emergency = ["--no-red-flags", "--bladder-bowel", "yes"]
        ambulance = ["--aortic-signs", "yes"]
        es_us = report(ambulance + ["--locale", "es-US"])["advice"]
        self.assertIn("911", es_us)
        self.assertNotIn("112", es_us)
        es_es = report(ambulance + ["--locale", "es-ES"])["advice"]
        self.assertIn("112", es_es)
        self.assertNotIn("911", es_es)
        self.assertIn("sala de emergencias", report(emergency + ["--locale", "es-US"])["advice"])
        for tag in SHIPPED[1:]:
            for args in (emergency, ambulance, CALM, ["--fever", "yes", "--no-red-flags"]):
                text = " ".join(texts(report(args + ["--locale", tag])))
                for word in ("A&E", "999", "NHS", " GP"):
                    self.assertNotIn(word, text, (tag, args))

    def test_the_handout_says_its_language_and_prints_on_the_local_paper(self):
        for tag, lang, paper in [("en-GB", "en-GB", "A4"), ("en-US", "en-US", "letter"),
                                 ("es-ES", "es-ES", "A4"), ("es-US", "es-US", "letter")]:
            with self.subTest(tag):
                code, out, err = run(["--format", "html", "--no-input", "--locale", tag] + CALM)
                self.assertEqual(code, 0, err)
                self.assertIn(f'<html lang="{lang}">', out)
                self.assertIn(f"size: {paper};", out)
        code, out, err = run(["--format", "html", "--no-input", "--locale", "es-US",
                              "--paper", "a4"] + CALM)
        self.assertIn("size: A4;", out)

    def test_questions_are_asked_in_the_locale_with_the_same_ids_and_flags(self):
        code, en, err = run(["questions", "--json"])
        code, es, err = run(["questions", "--json", "--locale", "es"])
        self.assertEqual(code, 0, err)
        en, es = json.loads(en), json.loads(es)
        self.assertEqual([(q["id"], q["flag"], q["answers"]) for q in en],
                         [(q["id"], q["flag"], q["answers"]) for q in es])
        fever = next(q for q in es if q["id"] == "fever")
        self.assertIn("38 °C", fever["prompt"])


class Help(unittest.TestCase):
    """--help's first line (wrapped to the width) is the rule file's `help.description`."""

    @staticmethod
    def description(args):
        code, out, err = run(["--help"] + args)
        assert code == 0, err
        return " ".join(out[:out.index("\n\n")].split())

    def test_the_first_line_is_in_the_locale_with_no_english_left(self):
        english = self.description([])
        self.assertEqual(english, "backtriage - rule-based triage: Back pain triage and home "
                                  "exercise routine. Not medical advice.")
        words = set(re.findall(r"\w+", english.lower())) - {"backtriage"}
        for tag in ("es", "es-ES", "es-US"):
            with self.subTest(locale=tag):
                spanish = self.description(["--locale", tag])
                self.assertEqual(spanish, "backtriage - triaje basado en reglas. Dolor de "
                                          "espalda: valoración y ejercicios para hacer en casa. "
                                          "No es un consejo médico.")
                self.assertEqual([w for w in re.findall(r"\w+", spanish.lower())
                                  if w in words], [])
        self.assertEqual(self.description(["--locale", "en-US"]), english)

    @staticmethod
    def answers(args):
        """The answer flags' part of --help, its lines joined."""
        code, out, err = run(["--help"] + args)
        assert code == 0, err
        part = out[out.index("\n\n\n") + 3:]
        return " ".join(part[:part.index("\n\n")].split())

    def test_the_answer_flags_marks_are_in_the_locale(self):
        english = self.answers([])
        for mark in ("[red flag]", "[optional]", "(0 to 45 weeks)"):
            self.assertIn(mark, english)
        for tag in ("es", "es-ES", "es-US"):
            with self.subTest(locale=tag):
                spanish = self.answers(["--locale", tag])
                for mark in ("[red flag]", "[optional]", " to "):
                    self.assertNotIn(mark, spanish)
                for mark in ("[señal de alarma]", "[opcional]", "(de 0 a 45 semanas)"):
                    self.assertIn(mark, spanish)
                # fish shows them too, cut between characters.
                code, fish, err = run(["completion", "fish", "--locale", tag])
                self.assertEqual(code, 0, err)
                self.assertIn("[señal de alarma]'", fish)
                self.assertNotIn("[red flag]", fish)
                self.assertNotIn("\ufffd", fish)
                # `questions` marks them in the same words.
                code, listing, err = run(["questions", "--locale", tag])
                self.assertEqual(code, 0, err)
                self.assertIn("[señal de alarma]", listing)
                self.assertIn("[opcional]", listing)
                self.assertNotIn("[red flag]", listing)
                self.assertNotIn("[optional]", listing)
        american = self.answers(["--locale", "en-US"])  # its own texts, the same marks
        for mark in ("[red flag]", "[optional]", "(0 to 45 weeks)"):
            self.assertIn(mark, american)

    # English that --help and `questions` showed before they followed the locale: CLI11's
    # headings and marks, the answer flags' group, options' and commands' texts, the footers.
    ENGLISH = ["Usage:", "Options:", "Subcommands:", "Positionals:", "[OPTIONS]",
               "[SUBCOMMAND]", "REQUIRED", "Answers (", "Print this help message",
               "Display program version", "Rule file to use", "The language and country",
               "instead of standard output", "Example:", "Examples:", "Exit status",
               "Not medical advice", "Triage JSON Lines", "List the rule set", "(default",
               "read by", "(no rule)", "Accepted for scripts", "The rule file before"]

    def assert_spanish(self, args, spanish):
        for tag in ("es", "es-ES", "es-US"):
            with self.subTest(args=args, locale=tag):
                code, out, err = run(["--locale", tag] + args)
                self.assertEqual(code, 0, err)
                for english in self.ENGLISH:
                    self.assertNotIn(english, out)
                for words in spanish:
                    self.assertIn(words, out)

    def test_every_text_of_help_is_in_the_locale(self):
        self.assert_spanish(["--help"], [
            "Uso: backtriage [OPCIONES] [ORDEN]", "\nOpciones:\n", "\nÓrdenes:\n",
            "Respuestas (reglas back-pain; yes: sí, no: no, unsure: no está seguro):", "Muestra esta ayuda y termina",
            "Muestra la versión del programa y termina", "Ejemplos:", "Estado de salida:",
            "dull: sordo o pesado;",
            "No es un consejo médico: en una emergencia"])
        self.assert_spanish(["batch", "--help"], [
            "Uso: backtriage batch [OPCIONES]", "Triaje por lotes (JSON Lines)", "Evalúa en N hilos",
            "Ejemplo:", "Se admite por compatibilidad con scripts"])
        self.assert_spanish(["diff", "--help"], [
            "Uso: backtriage diff [OPCIONES] OLD NEW", "Argumentos:", "OBLIGATORIO",
            "El archivo de reglas de antes del cambio"])
        self.assert_spanish(["check", "--help"], ["Comprueba archivos de reglas"])

    def test_questions_text_is_in_the_locale(self):
        self.assert_spanish(["questions"], ["    la usan las reglas: "])

    def test_errors_stay_english_whatever_the_help_says(self):
        code, out, err = run(["--locale", "es", "diff", "a.yaml"])
        self.assertEqual(code, 2)
        self.assertIn("diff needs the rule file after the change", err)
        # Answer flags before a command are found whatever their group's heading says.
        code, out, err = run(["--locale", "es", "--fever", "yes", "batch"])
        self.assertEqual(code, 2)
        self.assertIn("answers go with a triage, not with 'batch' (--fever was given before it)",
                      err)


class SpanishInterview(unittest.TestCase):
    def test_asks_in_spanish_shows_spanish_words_to_type_and_takes_them(self):
        from test_interactive import interview
        code, out, err = interview(
            ["--locale", "es", "--json", "--age", "40", "--pregnant", "no", "--no-red-flags",
             "--region", "lower", "--daily-life", "no"], ["unos días", "SORDO", "un sitio"])
        self.assertEqual(code, 0, err)
        self.assertIn("También puede escribir días, meses o años", err)
        self.assertIn("3. sordo: sordo o pesado", err)  # not "dull", the rules' id
        self.assertNotIn("dull:", err)
        self.assertIn("Anotado: unos días: 0 semanas.", err)
        self.assertIn("Gracias, esas son todas las preguntas.", err)
        r = json.loads(out)
        self.assertEqual((r["locale"], r["level"]), ("es", "self_care"))
        self.assertEqual((r["answers"]["sensation"], r["answers"]["spread"]), ("dull", "one_spot"))


class Compiled(unittest.TestCase):
    """The embedded rules come compiled into the binary in each locale they have (issue 18):
    a run on them must say, byte for byte, what the shipped YAML and its overlays say."""

    SHIPPED_FILE = os.path.join(RULES, "back-pain.yaml")
    CASES = [CALM, ["--no-red-flags", "--duration-weeks", "20", "--sensation", "electric",
                    "--spread", "spreads", "--below-knee", "yes", "--region", "both"],
             ["--no-red-flags", "--bladder-bowel", "yes"], ["--fever", "unsure"],
             ["--no-red-flags", "--pregnant", "yes", "--pregnancy-signs", "yes"],
             ["--no-red-flags", "--duration-weeks", "2"]]
    # Each shipped locale; a country and a language whose overlays it falls back on.
    LOCALES = SHIPPED + ["es-MX", "en-AU", "fr"]

    def same(self, args, env=None):
        embedded = run(args, env=env)
        from_file = run(args + ["--rules", self.SHIPPED_FILE], env=env)
        self.assertEqual(embedded, from_file)
        return embedded

    def test_questions_in_every_form(self):
        for tag in SHIPPED:
            for form in ([], ["--json"], ["--format", "fhir"]):
                with self.subTest(locale=tag, form=form):
                    code, out, err = self.same(["questions", "--locale", tag] + form)
                    self.assertEqual(code, 0, err)

    def test_triage_in_text_json_and_html(self):
        for tag in SHIPPED:
            for args in self.CASES:
                for form in (["--format", "text"], ["--json"], ["--format", "html"]):
                    with self.subTest(locale=tag, args=args, form=form):
                        code, out, err = self.same(["--no-input", "--locale", tag] + form + args)
                        self.assertIn(code, (0, 3), err)

    def test_the_locale_a_tag_or_the_environment_falls_back_on(self):
        for tag in self.LOCALES[len(SHIPPED):]:
            with self.subTest(locale=tag):
                self.same(["--json", "--no-input", "--locale", tag] + CALM)
        for lang in ("en_US.UTF-8", "es_AR.UTF-8", "es_US.UTF-8", "fr_FR.UTF-8", "C"):
            with self.subTest(lang=lang):
                code, out, err = self.same(["--json", "--no-input"] + CALM,
                                           env={"LC_ALL": "", "LANG": lang})
                self.assertEqual(code, 0, err)

    def test_check_in_any_environment(self):
        # `check` takes no --locale: it checks the file in every locale it has.
        for lang in ("en_GB.UTF-8", "en_US.UTF-8", "es_ES.UTF-8", "es_US.UTF-8"):
            with self.subTest(lang=lang):
                env = {"LC_ALL": "", "LANG": lang}
                code, embedded, err = run(["check"], env=env)
                self.assertEqual((code, err), (0, ""))
                code, from_file, err = run(["check", self.SHIPPED_FILE], env=env)
                self.assertEqual((code, err), (0, ""))
                self.assertEqual(embedded.replace("<embedded>", self.SHIPPED_FILE), from_file)

    def test_the_interview(self):
        from test_interactive import interview
        for tag in SHIPPED:
            with self.subTest(locale=tag):
                args = ["--locale", tag, "--json", "--age", "40", "--pregnant", "no",
                        "--no-red-flags", "--region", "lower", "--daily-life", "no"]
                typed = ["2", "3", "1"]  # weeks, then choices by number
                embedded = interview(args, typed)
                self.assertEqual(embedded[0], 0, embedded[2])
                self.assertEqual(embedded, interview(args + ["--rules", self.SHIPPED_FILE], typed))


class Overlays(unittest.TestCase):
    """A broken overlay is named at its own file, line and column."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        for name in os.listdir(RULES):
            if name.endswith(".yaml"):
                shutil.copy(os.path.join(RULES, name), self.dir)
        self.base = os.path.join(self.dir, "back-pain.yaml")
        self.es = os.path.join(self.dir, "back-pain.es.yaml")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def edit(self, old, new):
        with open(self.es, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(self.es, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
        return text[:text.index(old)].count("\n") + 1  # the line edited

    def test_the_shipped_overlays_pass(self):
        code, out, err = run(["check", self.base])
        self.assertEqual((code, err), (0, ""))
        self.assertIn("; in en-GB", out)

    def test_a_text_left_out(self):
        line = self.edit("\n  - id: fever\n    prompt:", "\n  - id: fever\n    promptx:")
        code, out, err = run(["check", self.base])
        self.assertEqual(code, 65)
        self.assertIn(f"{self.es}:{line + 2}:5: error: the base has no 'promptx' at "
                      "questions[fever]\n      promptx:", err)
        self.assertRegex(err, rf"{re.escape(self.es)}:\d+:1: error: no text for "
                              rf"questions\[fever\]\.prompt \({re.escape(self.base)}:\d+:\d+\)")
        self.assertEqual(out, f"{self.base}: invalid: 2 errors\n")

    def test_something_that_is_not_a_text(self):
        line = self.edit("\n  - id: fever\n", "\n  - id: fever\n    unsure: doctor\n")
        code, out, err = run(["check", self.base])
        self.assertEqual(code, 65)
        self.assertIn(f"{self.es}:{line + 2}:5: error: 'unsure' is not a text: an overlay holds "
                      "only what a person reads\n      unsure: doctor\n      ^\n", err)

    def place(self, path, needle):
        """(line, column) where `needle` starts in the file at `path`, 1-based."""
        with open(path, encoding="utf-8") as f:
            text = f.read()
        at = text.index(needle)
        return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1

    def write_es(self, data):
        with open(self.es, "wb") as f:
            f.write(data)

    def triage_fails(self, locale, message):
        """A triage in `locale`: exit 65, nothing on stdout, `message` as the one line."""
        code, out, err = run(["--rules", self.base, "--locale", locale] + CALM)
        self.assertEqual((code, out, err), (65, "", f"backtriage: {message}\n"))

    def check_fails(self, shown):
        """check: exit 65, `shown` (the error with its line and caret) said once."""
        code, out, err = run(["check", self.base])
        self.assertEqual(code, 65, err)
        self.assertEqual(err.count(shown), 1, err)
        self.assertNotIn("Traceback", err)
        return out, err

    def test_an_overlay_that_is_not_there(self):
        os.remove(self.es)
        line, column = self.place(self.base, "back-pain.es.yaml")
        message = (f"{self.base}:{line}:{column}: cannot read the overlay for es: {self.es}: "
                   "No such file or directory")
        for locale in ["es", "es-US", "es-MX"]:  # each needs es, es-US after it
            with self.subTest(locale):
                self.triage_fails(locale, message)
        out, err = self.check_fails(message.replace(": cannot", ": error: cannot", 1) +
                                    "\n    es: back-pain.es.yaml\n        ^\n")
        self.assertEqual(out, f"{self.base}: invalid: 1 error\n")
        # The rules' own language, and a locale that needs no Spanish, still work.
        for locale in ["en-GB", "en-US"]:
            code, out, err = run(["--rules", self.base, "--locale", locale, "--json"] + CALM)
            self.assertEqual((code, err), (0, ""))

    def test_a_directory_where_the_overlay_should_be(self):
        os.remove(self.es)
        os.mkdir(self.es)
        line, column = self.place(self.base, "back-pain.es.yaml")
        message = (f"{self.base}:{line}:{column}: cannot read the overlay for es: {self.es}: "
                   "Is a directory")
        self.triage_fails("es", message)
        self.check_fails(message.replace(": cannot", ": error: cannot", 1) + "\n")

    def test_an_overlay_for_another_locale_than_the_rule_file_lists(self):
        line = self.edit("\nlocale: es\n", "\nlocale: es-MX\n") + 1
        message = (f"{self.es}:{line}:9: this overlay says it is es-MX, and the rule file lists "
                   "it as es")
        self.triage_fails("es", message)
        self.check_fails(message.replace(": this", ": error: this", 1) +
                         "\n  locale: es-MX\n          ^\n")

    def test_an_overlay_of_another_rule_set(self):
        line = self.edit("\ntranslates: back-pain\n", "\ntranslates: neck-pain\n") + 1
        message = (f"{self.es}:{line}:13: this overlay translates 'neck-pain', not this rule set "
                   "('back-pain')")
        self.triage_fails("es-ES", message)
        self.check_fails(message.replace(": this", ": error: this", 1) +
                         "\n  translates: neck-pain\n              ^\n")

    def test_an_empty_overlay(self):
        message = (f"{self.es}:1:1: the overlay for es is empty: it must give its locale, what it "
                   "translates and its texts")
        for data in [b"", b"# nothing yet\n", b"---\n", b"~\n"]:
            with self.subTest(data):
                self.write_es(data)
                self.triage_fails("es", message)
                self.check_fails(message.replace(": the", ": error: the", 1) + "\n")

    def test_an_overlay_that_is_not_a_mapping(self):
        for data in [b"- locale: es\n", b"just some words\n", b"[es]\n", b"42\n"]:
            with self.subTest(data):
                self.write_es(data)
                message = f"{self.es}:1:1: a locale overlay must be a mapping"
                self.triage_fails("es", message)
                self.check_fails(message.replace(": a", ": error: a", 1) + "\n")

    def test_an_overlay_that_is_not_utf8(self):
        line = self.edit("\nlocale: es\n", "\nlocale: es\n# seNal\n") + 2
        with open(self.es, "rb") as f:
            data = f.read()
        self.write_es(data.replace(b"# seNal", b"# se\xf1al"))  # saved as Latin-1
        message = f"{self.es}:{line}:5: invalid UTF-8 (byte 0xf1): save the file as UTF-8"
        self.triage_fails("es", message)
        self.check_fails(message.replace(": invalid", ": error: invalid", 1) + "\n")

    def test_a_triage_in_a_broken_locale_fails_naming_the_overlay(self):
        self.edit("\n  - id: fever\n", "\n  - id: feverish\n")
        code, out, err = run(["--rules", self.base, "--locale", "es"] + CALM)
        self.assertEqual((code, out), (65, ""))
        self.assertTrue(err.startswith(f"backtriage: {self.es}:"), err)
        # The rules' own language still works.
        code, out, err = run(["--rules", self.base, "--locale", "en-GB", "--json"] + CALM)
        self.assertEqual(code, 0, err)


if __name__ == "__main__":
    main()
