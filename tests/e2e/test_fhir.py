"""FHIR: `questions --format fhir` is an SDC Questionnaire of every question, and a
QuestionnaireResponse to it is an answers document wherever one is read (--answers,
each batch line). The property that matters: every case of the shipped case file, sent
as a QuestionnaireResponse, gets exactly the level of its answers object. Structure
validation by FHIR.js and a real form filler are in test_fhir_browser.py."""
import json
import os
import unittest

import yaml

from harness import SOURCE_DIR, main, run

CASES = os.path.join(SOURCE_DIR, "rules", "tests", "back-pain.test.yaml")


def questionnaire():
    code, out, err = run(["questions", "--format", "fhir"])
    assert code == 0, err
    return json.loads(out)


def questions():
    code, out, err = run(["questions", "--json"])
    assert code == 0, err
    return {q["id"]: q for q in json.loads(out)}


def items(q_items):
    """Every item, groups and help included, depth first."""
    for item in q_items:
        yield item
        yield from items(item.get("item", []))


def response(answers, qs, form, rid=None):
    """The QuestionnaireResponse a form filler would send for these answers."""
    system = next(o["valueCoding"]["system"] for i in items(form["item"])
                  for o in i.get("answerOption", []))
    by_group = {}
    out = []
    for qid, value in answers.items():
        q = qs[qid]
        if q["type"] == "number":
            answer = {"valueInteger" if q.get("whole") else "valueDecimal": float(value)
                      if not q.get("whole") else int(value)}
        elif q["type"] == "bool" and q["unsure"] is None:
            answer = {"valueBoolean": str(value).lower() in ("yes", "true", "y", "1")}
        else:
            code = str(value).lower().replace(" ", "_").replace("-", "_")
            if q["type"] == "bool":
                code = {"true": "yes", "false": "no", "y": "yes", "n": "no", "1": "yes",
                        "0": "no"}.get(code, code)
            answer = {"valueCoding": {"system": system, "code": code}}
        item = {"linkId": qid, "answer": [answer]}
        if q["checklist"]:
            by_group.setdefault(q["checklist"], []).append(item)
        else:
            out.append(item)
    out += [{"linkId": group, "item": inner} for group, inner in by_group.items()]
    resource = {"resourceType": "QuestionnaireResponse", "status": "completed",
                "questionnaire": f"{form['url']}|{form['version']}", "item": out}
    if rid:
        resource["id"] = rid
    return resource


def plain_answers(case, qs):
    answers = {k: v for k, v in (case.get("answers") or {}).items() if v is not None}
    if case.get("no_red_flags"):
        for qid, q in qs.items():
            if q["red_flag"] and qid not in answers:
                answers[qid] = "no"
    return answers


class Questionnaire(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.form = questionnaire()
        cls.qs = questions()

    def test_every_question_is_an_item_with_its_id_as_link_id(self):
        self.assertEqual(self.form["resourceType"], "Questionnaire")
        self.assertEqual((self.form["status"], self.form["version"]), ("active", "2.1.0"))
        link_ids = [i["linkId"] for i in items(self.form["item"])]
        self.assertEqual(len(link_ids), len(set(link_ids)))
        asked = [i["linkId"] for i in items(self.form["item"]) if i["type"] not in
                 ("group", "display")]
        self.assertEqual(asked, list(self.qs))  # in asking order

    def test_item_types_follow_the_questions(self):
        for item in items(self.form["item"]):
            q = self.qs.get(item["linkId"])
            if not q:
                continue
            with self.subTest(item["linkId"]):
                if q["type"] == "bool" and q["unsure"]:
                    self.assertEqual(item["type"], "choice")
                    self.assertEqual([o["valueCoding"]["code"] for o in item["answerOption"]],
                                     ["yes", "no", "unsure"])
                elif q["type"] == "bool":
                    self.assertEqual(item["type"], "boolean")
                elif q["type"] == "number":
                    self.assertEqual(item["type"], "integer" if q["whole"] else "decimal")
                    ranges = {e["url"].rsplit("/", 1)[1]: list(e.values())[1]
                              for e in item["extension"]}
                    self.assertEqual(ranges, {"minValue": q["min"], "maxValue": q["max"]})
                else:
                    self.assertEqual([o["valueCoding"]["code"] for o in item["answerOption"]],
                                     [c["id"] for c in q["choices"]])
                self.assertEqual(item["required"], not q["optional"])
                self.assertEqual(item["text"], q["prompt"])

    def test_checklists_are_groups_and_follow_ups_are_enabled_by_their_trigger(self):
        groups = {i["linkId"]: [c["linkId"] for c in i["item"]]
                  for i in self.form["item"] if i["type"] == "group"}
        for group, inner in groups.items():
            self.assertEqual(inner, [q for q, v in self.qs.items() if v["checklist"] == group])
        enabled = {i["linkId"]: {(w["question"], str(w.get("answerCoding", {}).get("code",
                                                                             w.get("answerBoolean"))))
                                 for w in i["enableWhen"]}
                   for i in items(self.form["item"]) if "enableWhen" in i}
        self.assertEqual(enabled["injury_severe"],
                         {("spine_injury", "yes"), ("spine_injury", "unsure")})
        self.assertEqual(enabled["chest_band"],
                         {("cancer_history", "yes"), ("cancer_history", "unsure")})
        self.assertEqual(enabled["pregnancy_signs"], {("pregnant", "True")})
        self.assertEqual(enabled["below_knee"], {("spread", "spreads")})
        self.assertNotIn("fever", enabled)

    def test_a_warning_signs_help_shows_and_why_sits_behind_the_help_button(self):
        aortic = next(i for i in self.form["item"] if i["linkId"] == "aortic_signs")
        *shown, why = aortic["item"]
        # The list of signs is never hidden: a visible line each, as the interview shows it.
        self.assertEqual(shown[0]["linkId"], "aortic_signs.help")
        self.assertEqual(len(shown), 6)
        for line in shown:
            self.assertNotIn("extension", line)
        self.assertTrue(shown[0]["text"].startswith("\u2022 pain, pressure"))
        self.assertEqual(why["linkId"], "aortic_signs.why")
        self.assertEqual(why["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], "help")

    def test_help_about_typing_at_the_prompt_stays_out_of_the_form(self):
        # A form's number field takes a number in the question's unit: told it
        # may type "5 days", a person gets an empty answer from the form.
        spoken = {q["id"]: q["spoken_help"] for q in questions().values() if q["spoken_help"]}
        self.assertIn("duration_weeks", spoken)
        text = json.dumps(self.form)
        for link_id, words in spoken.items():
            self.assertNotIn(words, text, link_id)
        duration = next(i for i in self.form["item"] if i["linkId"] == "duration_weeks")
        self.assertIn("Count whole weeks", duration["item"][0]["text"])


class Responses(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.form = questionnaire()
        cls.qs = questions()
        with open(CASES, encoding="utf-8") as f:
            cls.cases = yaml.safe_load(f)

    def test_every_case_as_a_response_gets_the_level_of_its_answers(self):
        plain, fhir = [], []
        for n, case in enumerate(self.cases):
            answers = plain_answers(case, self.qs)
            plain.append(json.dumps(dict(answers, id=f"c{n}")))
            fhir.append(json.dumps(response(answers, self.qs, self.form, rid=f"c{n}")))
        self.assertGreater(len(plain), 100)
        results = []
        for lines in (plain, fhir):
            code, out, err = run(["batch", "--brief"], stdin="\n".join(lines) + "\n")
            self.assertEqual((code, err), (0, ""))
            results.append([json.loads(line) for line in out.splitlines()])
        for case, a, b in zip(self.cases, *results):
            with self.subTest(case["name"]):
                self.assertEqual(a, b)  # the same id, level, flags, routine...

    def test_answers_reads_a_response_and_batch_echoes_its_id(self):
        answers = {"aortic_signs": "no", "spine_injury": "yes", "injury_severe": "yes"}
        resource = response(answers, self.qs, self.form, rid="patient-7")
        code, out, err = run(["--json", "--no-input", "--answers", "-"], stdin=json.dumps(resource))
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["level"], "ambulance")
        code, out, _ = run(["batch", "--brief"], stdin=json.dumps(resource) + "\n")
        self.assertEqual(list(json.loads(out))[0], "id")
        self.assertEqual(json.loads(out)["id"], "patient-7")

    def test_bad_responses_name_the_item(self):
        good = response({"fever": "yes", "age": 40}, self.qs, self.form)
        self.assertEqual(good["item"][0]["linkId"], "age")

        def changed(change):
            r = json.loads(json.dumps(good))
            change(r)
            return r
        cases = {
            "another questionnaire": (changed(lambda r: r.update(questionnaire="urn:x|1")),
                                      "this QuestionnaireResponse answers 'urn:x', not "
                                      "urn:backtriage:questionnaire:back-pain (backtriage "
                                      "questions --format fhir)"),
            "another version": (changed(lambda r: r.update(
                questionnaire=self.form["url"] + "|1.0.0")),
                "this QuestionnaireResponse answers version '1.0.0' of the questionnaire; the "
                "rule set is version 2.1.0"),
            "an unknown item": (changed(lambda r: r["item"].append(
                {"linkId": "fevr", "answer": [{"valueBoolean": True}]})),
                "unknown item 'fevr' (did you mean 'fever'?)"),
            "two answers": (changed(lambda r: r["item"][0]["answer"].append(
                {"valueInteger": 41})), "item 'age' has 2 answers; it takes one"),
            "another resource": ({"resourceType": "Patient"},
                                 "a FHIR Patient is not answers: give a QuestionnaireResponse"),
        }
        def age_as_yes(r):
            r["item"][0]["answer"] = [{"valueBoolean": True}]
        cases["a wrong value type"] = (changed(age_as_yes),
                                       "item 'age': expected a whole number from 0 to 120 "
                                       "(years), got true")
        for name, (resource, message) in cases.items():
            with self.subTest(name):
                code, out, err = run(["--json", "--no-input", "--answers", "-"],
                                     stdin=json.dumps(resource))
                self.assertEqual((code, out), (65, ""))
                self.assertEqual(err, f"backtriage: <stdin>: {message}\n")
                # In batch an error line in its place, and processing goes on.
                code, out, err = run(["batch", "--brief"],
                                     stdin=json.dumps(resource) + "\n" + json.dumps(good) + "\n")
                self.assertEqual(code, 65)
                lines = [json.loads(line) for line in out.splitlines()]
                self.assertEqual(lines[0]["error"], message)
                self.assertEqual(lines[1]["level"], "urgent")


if __name__ == "__main__":
    main()
