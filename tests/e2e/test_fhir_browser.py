"""The FHIR Questionnaire (`questions --format fhir`) as a form filler uses it: checked
against FHIR R4 by FHIR.js (tests/fhir/validate.js), rendered by LHC-Forms (the NLM form
filler, npm package lforms) in headless Chromium, filled in by clicking and typing as a
person would, and the QuestionnaireResponse that LHC-Forms makes validated and triaged
with --answers and by batch.

Needs node, the npm packages in package.json (npm ci at the top of the repository) and
chromium-headless-shell, which .ci/install-deps installs; skips when any is missing.
Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe): the
clicks and keys are real input events, at the places where LHC-Forms drew the controls.
BACKTRIAGE_FHIR_SHOTS=DIR keeps the screenshots in DIR."""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import BINARY, SOURCE_DIR, main, run

CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium")
NODE = shutil.which("node") or shutil.which("nodejs")
MODULES = os.path.join(SOURCE_DIR, "node_modules")
HAVE_MODULES = (os.path.isfile(os.path.join(MODULES, "fhir", "package.json")) and os.path.isfile(
    os.path.join(MODULES, "lforms", "dist", "lforms", "webcomponent", "main.js")))
VALIDATE = os.path.join(SOURCE_DIR, "tests", "fhir", "validate.js")
PAGE = os.path.join(SOURCE_DIR, "tests", "fhir", "lforms_page.html")
SHOTS = os.environ.get("BACKTRIAGE_FHIR_SHOTS")
NEEDS_NODE = "needs node and the npm packages (npm ci at the top of the repository)"

# The cases filled in, by linkId: a code of the item's answerOption, True/False for a
# boolean, a number as typed. Each has the level its QuestionnaireResponse must give,
# the same as the same answers given as flags.
CALM = {"duration_weeks": "2", "sensation": "dull", "spread": "one_spot", "region": "lower",
        "age": "40", "daily_life": False}
CASES = {
    "ambulance_sign": ({"aortic_signs": "yes"}, "ambulance"),
    "accident_then_neck_pain": ({"spine_injury": "yes", "injury_severe": "yes"}, "ambulance"),
    "ae_sign": ({"bladder_bowel": "yes"}, "emergency"),
    "fever": ({"fever": "yes"}, "urgent"),
    "weight_loss": ({"weight_loss": "yes"}, "soon"),
    "twenty_weeks_no_signs": ({"duration_weeks": "20"}, "doctor"),  # + every red flag no
    "calm_acute_lower_back": (CALM, "self_care"),  # + every red flag no
    "nothing_answered": ({}, "incomplete"),
}
ALL_SIGNS_NO = {"twenty_weeks_no_signs", "calm_acute_lower_back"}


def node_validate(*paths):
    """Runs tests/fhir/validate.js; returns (exit code, what it printed)."""
    p = subprocess.run([NODE, VALIDATE, *paths], capture_output=True, text=True, timeout=120,
                       cwd=SOURCE_DIR)
    return p.returncode, p.stdout + p.stderr


def questionnaire_items(items):
    """Every item of a Questionnaire, depth first, in page order."""
    for item in items:
        yield item
        yield from questionnaire_items(item.get("item", []))


def response_answers(items):
    """{linkId: [answer value, ...]} of a QuestionnaireResponse's items, at any depth."""
    found = {}
    for item in items:
        if "answer" in item:
            found[item["linkId"]] = [{k: v for k, v in a.items() if k != "item"}
                                     for a in item["answer"]]
            for a in item["answer"]:
                found.update(response_answers(a.get("item", [])))
        found.update(response_answers(item.get("item", [])))
    return found


class Chromium:
    """Headless Chromium spoken to over the DevTools protocol on fds 3 and 4."""

    def __init__(self, width=1000, height=900):
        self.profile = tempfile.mkdtemp()
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()
        # Above 10, so that moving them to 3 and 4 in the child overwrites nothing of theirs.
        high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
        high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

        def pipes_to_3_and_4():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=pipes_to_3_and_4)
        os.close(high_r)
        os.close(high_w)
        self.out, self.inp = to_chrome_w, from_chrome_r
        self.buffer = b""
        self.last_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline, method)
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def _receive(self, deadline, method):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                raise TimeoutError(f"Chromium did not answer {method}")
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.out)
        os.close(self.inp)
        shutil.rmtree(self.profile, ignore_errors=True)


class FormTab:
    """A tab with tests/fhir/lforms_page.html open and a Questionnaire rendered in it."""

    def __init__(self, browser, questionnaire, width=1000, height=900):
        self.browser = browser
        self.target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget",
                                    {"targetId": self.target, "flatten": True})["sessionId"]
        self.first_event = len(browser.events)
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        self.send("Page.navigate", {"url": "file://" + PAGE})
        self.wait("document.readyState === 'complete' && !!window.btPage")
        self.js(f"btPage.render({json.dumps(questionnaire)})", timeout=60)
        self.displays = {}  # (linkId, code) -> the words shown for it
        for item in questionnaire_items(questionnaire["item"]):
            for option in item.get("answerOption", []):
                coding = option.get("valueCoding")
                if coding:
                    self.displays[(item["linkId"], coding["code"])] = coding.get("display",
                                                                                 coding["code"])

    def send(self, method, params=None, timeout=60):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def events(self, method):
        return [e["params"] for e in self.browser.events[self.first_event:]
                if e.get("method") == method and e.get("sessionId") == self.session]

    def js(self, expression, timeout=30):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise AssertionError(f"{expression[:80]}: "
                                 f"{details.get('exception', {}).get('description', details)}")
        return result["result"].get("value")

    def wait(self, expression, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout} s for {expression}")
            time.sleep(0.05)

    def stable(self, expression, timeout=10):
        """The value of `expression` once it is there and the same twice 0.1 s apart
        (a list that opens is placed, and may move the page, after it shows)."""
        deadline = time.monotonic() + timeout
        last = self.wait(expression, timeout)
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.js(expression)
            if now and now == last:
                return now
            last = now
        raise AssertionError(f"{expression} did not settle in {timeout} s")

    def call(self, function, *args):
        return self.js(f"btPage.{function}({', '.join(json.dumps(a) for a in args)})")

    def shown(self):
        """The question linkIds on the page, in order (not groups nor help text)."""
        return [s["linkId"] for s in self.call("shown") if s["type"] not in ("SECTION", "TITLE")]

    def click(self, where):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": where["x"], "y": where["y"],
                                                   "button": "left", "clickCount": 1})

    def press_tab(self):
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab",
                                                 "windowsVirtualKeyCode": 9})

    def poll(self, check, timeout=3):
        """check()'s first truthy value within `timeout` seconds, or None."""
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value or time.monotonic() > deadline:
                return value or None
            time.sleep(0.05)

    def answer(self, link_id, value):
        """Answers one shown question as a person would: clicks the control where it is
        drawn, types a number and Tab, or opens a list and clicks the entry; then waits
        for LHC-Forms to take the answer into its model, which it does a moment later.
        A click that a busy machine made while the page was still moving (nothing taken
        after 3 s) is made again, up to three times in all. Returns what the item shows."""
        item_type = {s["linkId"]: s["type"] for s in self.call("shown")}.get(link_id)
        if item_type is None:
            raise AssertionError(f"{link_id} is not on the page")
        control = f"btPage.control({json.dumps(link_id)})"
        for _ in range(3):
            if item_type == "BL":  # Yes / No / Not Answered radio buttons
                radio = "true" if value else "false"
                self.click(self.stable(f"btPage.control({json.dumps(link_id)}, '{radio}')"))
            elif item_type in ("INT", "REAL"):  # a text box for a number
                self.click(self.stable(control))
                if self.poll(lambda: self.js(f"document.activeElement === btPage.item("
                                             f"{json.dumps(link_id)}).querySelector('input')")):
                    self.js("document.activeElement.select()")
                    self.send("Input.insertText", {"text": str(value)})
                    self.press_tab()
            elif item_type == "CODING" and self.js(
                    f"btPage.item({json.dumps(link_id)}).querySelector('label[nz-radio]') !== null"):
                # radio buttons (SDC itemControl radio-button), one per code
                self.click(self.stable(f"btPage.control({json.dumps(link_id)}, "
                                       f"{json.dumps(value)})"))
            elif item_type == "CODING":  # a drop-down list: open it, click the entry
                self.click(self.stable(control))
                entry = f"btPage.listEntry({json.dumps(self.displays[(link_id, value)])})"
                if self.poll(lambda: self.js(entry)):
                    self.click(self.stable(entry))
            else:
                raise AssertionError(f"{link_id}: no way to answer an item of type {item_type}")
            if self.poll(lambda: self.taken(link_id, value)):
                break
        return self.call("shows", link_id)

    def taken(self, link_id, value):
        """Whether the answer LHC-Forms would send now for link_id is `value`."""
        answers = response_answers((self.response() or {}).get("item", [])).get(link_id, [])
        if len(answers) != 1:
            return False
        (kind, got), = answers[0].items()
        if kind == "valueCoding":
            return got["code"] == value
        if kind == "valueBoolean":
            return got is value
        return isinstance(value, str) and float(got) == float(value)

    def response(self):
        return self.js("btPage.response()")

    def screenshot(self, path):
        # Let the radio buttons' and lists' transitions end first.
        self.wait("document.getAnimations().every(a => a.playState !== 'running')")
        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        data = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"],
                     "scale": 1}})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target})


@unittest.skipUnless(NODE and HAVE_MODULES, NEEDS_NODE)
class Validator(unittest.TestCase):
    """tests/fhir/validate.js itself: it must fail a broken resource, naming what is wrong."""

    GOOD = {"resourceType": "Questionnaire", "status": "draft", "item": [
        {"linkId": "fever", "type": "choice", "text": "Fever?", "answerOption": [
            {"valueCoding": {"system": "urn:test", "code": "yes", "display": "Yes"}}]},
        {"linkId": "age", "type": "integer", "text": "Age?"}]}

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, resource):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(resource if isinstance(resource, str) else json.dumps(resource))
        return path

    def test_a_valid_questionnaire_and_response_pass(self):
        response = {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
            {"linkId": "age", "answer": [{"valueInteger": 40}]}]}
        code, out = node_validate(self.write("q.json", self.GOOD), self.write("qr.json", response))
        self.assertEqual(code, 0, out)
        self.assertIn("Questionnaire valid", out)
        self.assertIn("QuestionnaireResponse valid", out)

    def test_a_broken_resource_fails_and_each_error_is_named(self):
        broken = json.loads(json.dumps(self.GOOD))
        broken["status"] = "finished"                 # not a publication status
        broken["item"][0]["type"] = "yesno"           # not an item type
        broken["item"][0]["colour"] = "red"           # not in R4 at all
        del broken["item"][1]["linkId"]               # required
        response = {"resourceType": "QuestionnaireResponse", "status": "completed",
                    "item": [{"linkId": "age", "answer": [{"valueInteger": "40"}]}]}
        good = self.write("good.json", self.GOOD)
        code, out = node_validate(good, self.write("bad.json", broken),
                                  self.write("bad-qr.json", response))
        self.assertEqual(code, 1, out)
        self.assertIn("good.json: Questionnaire valid", out)
        for words in ['Questionnaire.status: Code "finished" not found',
                      'Questionnaire.item[0].type: Code "yesno" not found',
                      "Questionnaire.item[0].colour: Unexpected property",
                      "Questionnaire.item[1].linkId: Missing property",
                      "QuestionnaireResponse.item[0].answer[0].valueInteger: Number type expected",
                      "bad.json: Questionnaire INVALID (4 error(s)"]:
            self.assertIn(words, out)

    def test_warnings_are_printed_and_do_not_fail(self):
        # FHIR.js warns of a meta.tag code it cannot look up (LHC-Forms writes one).
        tagged = dict(self.GOOD, meta={"tag": [{"code": "made by a test"}]})
        code, out = node_validate(self.write("tagged.json", tagged))
        self.assertEqual(code, 0, out)
        self.assertIn("warning Questionnaire.meta.tag[0]", out)
        self.assertIn("valid (0 error(s), 1 warning(s)", out)

    def test_what_is_not_a_resource_fails(self):
        for name, text in {"list.json": "[1]", "cut.json": '{"resourceType": "Questionn',
                           "bare.json": '{"status": "draft"}'}.items():
            with self.subTest(name):
                code, out = node_validate(self.write(name, text))
                self.assertNotEqual(code, 0, out)
                self.assertIn(f"{name}: fatal", out)
        code, out = node_validate()
        self.assertEqual(code, 2)
        self.assertIn("usage:", out)


def export_questionnaire():
    code, out, err = run(["questions", "--format", "fhir"])
    assert code == 0, err
    return json.loads(out)


def question_list():
    code, out, err = run(["questions", "--json"])
    assert code == 0, err
    return json.loads(out)


def answers_of(case, questionnaire, questions):
    """A case's answers by linkId, in page order, so that a follow-up is answered after
    what brings it in."""
    answers, _ = CASES[case]
    if case in ALL_SIGNS_NO:
        answers = dict({q["id"]: "no" for q in questions if q["red_flag"]}, **answers)
    order = [i["linkId"] for i in questionnaire_items(questionnaire["item"])]
    return dict(sorted(answers.items(), key=lambda kv: order.index(kv[0])))


class CasesAsFlags(unittest.TestCase):
    """The cases filled in below give their levels when the same answers are flags."""

    def test_each_case_has_its_level(self):
        questionnaire, questions = export_questionnaire(), question_list()
        for case, (_, level) in CASES.items():
            with self.subTest(case):
                flags = []
                for link_id, value in answers_of(case, questionnaire, questions).items():
                    if isinstance(value, bool):
                        value = "yes" if value else "no"
                    flags += ["--" + link_id.replace("_", "-"), value]
                code, out, err = run(["--json", "--no-input"] + flags)
                self.assertEqual(code, 0, err)
                self.assertEqual(json.loads(out)["level"], level)


@unittest.skipUnless(NODE and HAVE_MODULES, NEEDS_NODE)
class ExportedQuestionnaire(unittest.TestCase):
    """questions --format fhir against FHIR R4 (FHIR.js) and the shapes form fillers read."""

    @classmethod
    def setUpClass(cls):
        cls.questionnaire = export_questionnaire()
        cls.questions = question_list()
        cls.items = {i["linkId"]: i for i in questionnaire_items(cls.questionnaire["item"])}

    def test_valid_fhir_r4(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "questionnaire.json")
            with open(path, "w") as f:
                json.dump(self.questionnaire, f)
            code, out = node_validate(path)
        self.assertEqual(code, 0, out)
        self.assertIn("Questionnaire valid (0 error(s), 0 warning(s)", out)

    def test_one_item_per_question_of_the_type_a_filler_needs(self):
        for q in self.questions:
            with self.subTest(q["id"]):
                item = self.items[q["id"]]
                codes = [o["valueCoding"]["code"] for o in item.get("answerOption", [])]
                if q["red_flag"]:
                    self.assertEqual((item["type"], codes), ("choice", ["yes", "no", "unsure"]))
                elif q["type"] == "bool":
                    expected = "choice" if "unsure" in q["answers"] else "boolean"
                    self.assertEqual(item["type"], expected)
                elif q["type"] == "number":
                    self.assertEqual(item["type"], "integer" if q["whole"] else "decimal")
                else:
                    self.assertEqual((item["type"], codes), ("choice", q["answers"]))
        self.assertEqual(self.items["age"]["type"], "integer")
        self.assertEqual(self.items["duration_weeks"]["type"], "decimal")

    def test_checklists_are_groups_and_follow_ups_have_enable_when(self):
        for q in self.questions:
            if q["checklist"]:
                group = self.items[q["checklist"]]
                self.assertEqual(group["type"], "group")
                self.assertIn(q["id"], [i["linkId"] for i in group["item"]])
        conditions = self.items["injury_severe"]["enableWhen"]
        self.assertIn("spine_injury", {c["question"] for c in conditions})
        self.assertIn("yes", {c["answerCoding"]["code"] for c in conditions})
        self.assertNotIn("no", {c["answerCoding"]["code"] for c in conditions})
        self.assertNotIn("enableWhen", self.items["spine_injury"])


@unittest.skipUnless(NODE and HAVE_MODULES, NEEDS_NODE)
@unittest.skipUnless(CHROMIUM, "needs chromium-headless-shell")
class InLHCForms(unittest.TestCase):
    """The Questionnaire rendered by LHC-Forms and filled in by clicking and typing."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.shots = SHOTS or os.path.join(cls.tmp, "shots")
        os.makedirs(cls.shots, exist_ok=True)
        cls.questionnaire = export_questionnaire()
        cls.questions = question_list()
        cls.browser = Chromium()
        cls.responses = {}  # case -> its QuestionnaireResponse (filled)
        # Does this backtriage read a QuestionnaireResponse? One that answers nothing says.
        empty = os.path.join(cls.tmp, "empty.json")
        with open(empty, "w") as f:
            json.dump({"resourceType": "QuestionnaireResponse", "status": "completed"}, f)
        code, _, err = run(["--json", "--no-input", "--answers", empty])
        cls.reads_responses = not (code != 0 and "unknown answer key 'resourceType'" in err)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        shutil.rmtree(cls.tmp)

    def tab(self, **size):
        tab = FormTab(self.browser, self.questionnaire, **size)
        self.addCleanup(tab.close)
        return tab

    def shot(self, tab, name):
        path = os.path.join(self.shots, name + ".png")
        tab.screenshot(path)
        self.assertGreater(os.path.getsize(path), 10_000, path)
        return path

    def answers_of(self, case):
        return answers_of(case, self.questionnaire, self.questions)

    def filled(self, case):
        """The QuestionnaireResponse of a fresh form filled with a case, checking that each
        item shows what was clicked, with a screenshot of it: once per case for the class
        (filling in every case by clicking is most of this file's time)."""
        if case not in self.responses:
            tab, self.responses[case] = self.fill(case)
            self.shot(tab, "case-" + case)
        return self.responses[case]

    def fill(self, case):
        """Fills a fresh form with a case; returns (tab, QuestionnaireResponse)."""
        tab = self.tab()
        for link_id, value in self.answers_of(case).items():
            shows = tab.answer(link_id, value)
            if isinstance(value, bool):
                expected = "Yes" if value else "No"
            elif (link_id, value) in tab.displays:
                expected = tab.displays[(link_id, value)]
            else:
                expected = value
            self.assertEqual(shows, expected, f"{case}: {link_id}")
        response = tab.response()
        self.assertIsNotNone(response, f"{case}: LHC-Forms made no QuestionnaireResponse")
        return tab, response

    def test_rendered_with_every_question_not_behind_a_follow_up_and_nothing_from_outside(self):
        tab = self.tab()
        status = tab.js("document.getElementById('status').textContent")
        self.assertTrue(status.startswith("LHC-Forms "), status)
        unconditional = [i["linkId"] for i in questionnaire_items(self.questionnaire["item"])
                         if i["type"] not in ("group", "display") and "enableWhen" not in i]
        self.assertEqual(tab.shown(), unconditional)
        self.shot(tab, "form-desktop")
        for request in tab.events("Network.requestWillBeSent"):
            self.assertRegex(request["request"]["url"], r"^(file|data):", "fetched from outside")
        self.assertEqual(tab.events("Runtime.exceptionThrown"), [])
        phone = self.tab(width=390, height=844)
        self.assertEqual(phone.shown(), unconditional)
        self.assertLessEqual(phone.js("document.documentElement.scrollWidth"), 390,
                             "the form is wider than a phone")
        self.shot(phone, "form-phone")
        # LHC-Forms 40 lays a form out for a wide window when it first draws it, even
        # on a phone, and for the phone's width (one column) after a resize.
        phone.js("window.dispatchEvent(new Event('resize'))")
        phone.wait("document.querySelector('form.lhc-view-sm') !== null")
        self.assertLessEqual(phone.js("document.documentElement.scrollWidth"), 390)
        self.shot(phone, "form-phone-after-resize")

    def test_a_follow_up_appears_only_when_its_enable_when_is_met(self):
        tab = self.tab()
        self.assertNotIn("injury_severe", tab.shown())
        self.assertEqual(tab.answer("spine_injury", "no"), "No")
        self.assertNotIn("injury_severe", tab.shown())
        self.assertEqual(tab.answer("spine_injury", "yes"), "Yes")
        shown = tab.shown()
        self.assertEqual(shown[shown.index("spine_injury") + 1], "injury_severe")
        tab.answer("injury_severe", "yes")
        self.shot(tab, "follow-up-shown")
        self.assertEqual(response_answers(tab.response()["item"])["injury_severe"][0]
                         ["valueCoding"]["code"], "yes")
        # Taking the accident back hides the follow-up and drops its answer.
        tab.answer("spine_injury", "no")
        self.assertNotIn("injury_severe", tab.shown())
        self.assertNotIn("injury_severe", response_answers(tab.response().get("item", [])))
        # A boolean trigger and a choice trigger too.
        self.assertNotIn("pregnancy_signs", tab.shown())
        tab.answer("pregnant", True)
        self.assertIn("pregnancy_signs", tab.shown())
        self.assertNotIn("below_knee", tab.shown())
        tab.answer("spread", "spreads")
        self.assertIn("below_knee", tab.shown())
        tab.answer("spread", "one_spot")
        self.assertNotIn("below_knee", tab.shown())

    def test_why_a_question_is_asked_is_behind_its_help_button(self):
        tab = self.tab()
        why = {q["id"]: q["why"] for q in self.questions}
        for link_id in ("aortic_signs", "fever", "duration_weeks"):
            with self.subTest(link_id):
                button = (f"btPage.where(btPage.item({json.dumps(link_id)})"
                          ".querySelector('button.lhc-help-button'))")
                tab.click(tab.stable(button))
                shown = tab.poll(lambda: tab.js(
                    "[...document.querySelectorAll('.lhc-popover-help')].map(e => e.innerText)"
                    ".join(' ')"))
                self.assertIn(why[link_id], shown or "")
                if link_id == "aortic_signs":
                    self.shot(tab, "help-button")
                # Each popover stays open (a second click does not close it), so the next
                # item's text is found only once its own button has opened it: the texts differ.

    def test_each_case_filled_in_gives_a_valid_response_with_what_was_clicked(self):
        for case in CASES:
            with self.subTest(case):
                response = self.filled(case)
                path = os.path.join(self.shots if SHOTS else self.tmp, f"response-{case}.json")
                with open(path, "w") as f:
                    json.dump(response, f, indent=1)
                code, out = node_validate(path)
                self.assertEqual(code, 0, out)
                self.assertEqual(response["resourceType"], "QuestionnaireResponse")
                self.assertTrue(response["questionnaire"].startswith(self.questionnaire["url"]))
                got = response_answers(response.get("item", []))
                want = {}
                for link_id, value in self.answers_of(case).items():
                    item = next(i for i in questionnaire_items(self.questionnaire["item"])
                                if i["linkId"] == link_id)
                    if isinstance(value, bool):
                        want[link_id] = [{"valueBoolean": value}]
                    elif item["type"] == "integer":
                        want[link_id] = [{"valueInteger": int(value)}]
                    elif item["type"] == "decimal":
                        want[link_id] = [{"valueDecimal": float(value)}]
                    else:
                        got[link_id] = [{"code": a["valueCoding"]["code"]} for a in got[link_id]]
                        want[link_id] = [{"code": value}]
                self.assertEqual(got, want)

    def test_each_response_triages_to_its_level_as_the_same_flags_do(self):
        if not self.reads_responses:
            self.skipTest("this backtriage reads no QuestionnaireResponse yet "
                          "(--answers says: unknown answer key 'resourceType')")
        lines = []
        for case, (_, level) in CASES.items():
            with self.subTest(case):
                response = self.filled(case)
                path = os.path.join(self.tmp, case + ".json")
                with open(path, "w") as f:
                    json.dump(response, f)
                code, out, err = run(["--json", "--no-input", "--answers", path])
                self.assertEqual(code, 0, err)
                self.assertEqual(json.loads(out)["level"], level)
                lines.append(json.dumps(response))
        code, out, err = run(["batch"], stdin="\n".join(lines) + "\n")
        self.assertEqual(code, 0, err)
        self.assertEqual([json.loads(line)["level"] for line in out.splitlines()],
                         [level for _, level in CASES.values()])


if __name__ == "__main__":
    main()
