"""The words around the content (`words:` in the rule file): the embedded rules say them as the
shipped file does, and a rule file that changes them changes every output a person reads, so
that a translated rule file leaves no English behind."""
import json
import os
import re
import tempfile
import unittest

from harness import SOURCE_DIR, main, run
from test_interactive import interview

SHIPPED = os.path.join(SOURCE_DIR, "rules", "back-pain.yaml")
ANSWERS = os.path.join(SOURCE_DIR, "examples", "answers.json")
# Outputs of a report with a routine, a plan, doses and check-ins.
FORMATS = [["--explain"], ["--format", "html"], ["--format", "ics", "--start", "2026-01-05"],
           ["--format", "cds-hooks"]]


def shipped_words():
    """{group: {name: text}} of the shipped file, read without a YAML library: the section is
    the file's last, `  group:` then `    name: text` lines, folded texts indented further."""
    with open(SHIPPED, encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("\nwords:\n"):]
    words, group, name = {}, None, None
    for line in section.splitlines()[2:]:
        if re.match(r"^  [a-z_]+:$", line):
            group = line.strip()[:-1]
            words[group] = {}
        elif m := re.match(r'^    "?([a-z_]+)"?: (.*)$', line):
            name = m.group(1)
            words[group][name] = "" if m.group(2) == ">-" else m.group(2)
        elif line.startswith("      "):  # a folded text's next line
            words[group][name] += " " + line.strip()
    return words


class Words(unittest.TestCase):
    def has(self, part, out, name=""):
        self.assertTrue(part in out, f"{part!r} not in {name or out[:300]!r}")

    def lacks(self, part, out, name=""):
        self.assertFalse(part in out, f"{part!r} in {name}")

    def test_the_embedded_rules_say_what_the_shipped_file_says(self):
        # The embedded rules go through the compact form, which must carry the words.
        for form in FORMATS:
            args = ["--no-input", "--no-pager", "--answers", ANSWERS, *form]
            code, embedded, err = run(args)
            self.assertEqual(code, 0, err)
            code, from_file, err = run([*args, "--rules", SHIPPED])
            self.assertEqual(code, 0, err)
            self.assertEqual(embedded, from_file, form)

    def test_a_rule_file_changes_every_word_a_person_reads(self):
        # Each word replaced by its id in brackets, keeping its placeholders.
        words = shipped_words()
        self.assertEqual(sum(len(names) for names in words.values()) > 80, True, words)
        with open(SHIPPED, encoding="utf-8") as f:
            text = f.read()
        lines = ["", "words:"]
        for group, names in words.items():
            lines.append(f"  {group}:")
            for name, english in names.items():
                holes = " ".join(sorted(set(re.findall(r"\{[a-z_]+\}", english))))
                key = f'"{name}"' if name in ("yes", "no") else name
                lines.append(f'    {key}: "[{group}.{name}]{(" " + holes) if holes else ""}"')
        changed = text[:text.index("\nwords:\n")] + "\n".join(lines) + "\n"
        with tempfile.TemporaryDirectory() as tmp:
            rules = os.path.join(tmp, "changed.yaml")
            with open(rules, "w", encoding="utf-8") as f:
                f.write(changed)
            outputs = {}
            for form in FORMATS:
                code, out, err = run(["--no-input", "--no-pager", "--answers", ANSWERS,
                                      "--rules", rules, *form])
                self.assertEqual(code, 0, err)
                outputs[" ".join(form)] = out
            code, out, err = run(["--no-input", "--no-pager", "--rules", rules, "--fever",
                                  "unsure", "--format", "html"])
            outputs["unsure"] = out
            code, out, err = run(["questions", "--format", "fhir", "--rules", rules])
            self.assertEqual(code, 0, err)
            outputs["fhir"] = out
            code, out, err = interview(["--rules", rules], ["back", "purple", "?", "no", "quit"])
            outputs["interview"] = err
            code, out, err = run(["--help", "--rules", rules])
            self.assertEqual(code, 0, err)
            help_line = out.splitlines()[0]
            help_answers = " ".join(out.split())
        report = outputs["--explain"]
        for heading in ("avoid", "tips", "routine", "expect", "classification", "decided",
                        "purpose", "dose"):
            self.has(f"[report.{heading}]", report)
        self.has("[handout.plan] 6", outputs["--format html"])
        self.has("[handout.made_on]", outputs["--format html"])
        self.has("[report.unsure_counts]", outputs["unsure"])
        self.has("[calendar.session] 1 18", outputs["--format ics --start 2026-01-05"])
        self.has("[dose.", outputs["--format ics --start 2026-01-05"])
        self.has("[card.source] back-pain", outputs["--format cds-hooks"])
        fhir = json.loads(outputs["fhir"])
        self.has('"display": "[answers.unsure]"', json.dumps(fhir))
        self.has("[help.description] Back pain triage", help_line)
        self.lacks("rule-based", help_line, "--help")
        self.has("[help.red_flag]", help_answers)
        self.has("[help.optional]", help_answers)
        self.has("[help.range] 45 0 weeks", help_answers)
        for english in ("[red flag]", "[optional]", "(0 to 45 weeks)"):
            self.lacks(english, help_answers, "--help")
        for said in ("intro", "warning_section", "first_question", "one_word", "yes_no_unsure",
                     "commands"):
            self.has(f"[interview.{said}]", outputs["interview"])
        # And none of the English headings is left.
        for name, out in outputs.items():
            for english in ("Activities to avoid for now", "Your home routine", "What to expect",
                            "Warning signs in your answers", "Made on", "Not sure",
                            "Thank you", "Answer yes, no or not sure", "How this was decided"):
                self.lacks(english, out, name)


if __name__ == "__main__":
    main()
