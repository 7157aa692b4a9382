"""The printable handout (--format html) and the plan as a calendar (--format ics), looked
at the way a person would: parsed as HTML5, rendered by headless Chromium at desktop and
phone widths and to PDF, and the calendar read by an iCalendar library.
Needs chromium-headless-shell, python3-html5lib, python3-pil, python3-icalendar and
poppler-utils (pdfinfo), which .ci/install-deps installs."""
import datetime
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import html5lib
import icalendar
import yaml
from PIL import Image

from harness import BINARY, SOURCE_DIR, main, run

CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium")
CALM = ["--no-input", "--no-red-flags", "--duration-weeks", "2", "--sensation", "dull",
        "--spread", "one-spot", "--age", "40", "--daily-life", "no"]
CASES = {
    "lower": CALM + ["--region", "lower"],
    "upper": CALM + ["--region", "upper", "--constant-pain", "no"],
    "both": CALM + ["--region", "both", "--constant-pain", "no"],
    "emergency": ["--no-input", "--no-red-flags", "--bladder-bowel", "yes"],
    "sciatica": [a for a in CALM if a not in ("dull", "one-spot", "--sensation", "--spread")]
    + ["--region", "lower", "--sensation", "electric", "--spread", "spreads", "--below-knee", "yes"],
}
LOWER = ["hamstring_stretch", "bottom_to_heels", "knee_rolls", "bird_dog", "pelvic_tilt",
         "glute_bridge"]
UPPER = ["thoracic_rotation", "pec_stretch_foam_roller", "shoulder_rolls", "scapular_squeeze",
         "prone_arm_leg_lift", "lat_pulldown"]
EXPECTED = {"lower": LOWER, "upper": UPPER, "both": LOWER + UPPER, "emergency": [],
            "sciatica": LOWER}

# Measures the page once it has laid out and writes the figures' boxes and the page's
# width into the DOM, which --dump-dom prints. Only the test's copy carries it: the
# handout itself has no script.
MEASURE = """<script>
window.addEventListener('load', () => {
  const boxes = [...document.querySelectorAll('svg.figure')]
    .filter(s => getComputedStyle(s).display !== 'none')
    .map(s => { const r = s.getBoundingClientRect();
                return {id: s.closest('article').id, x: r.x, y: r.y + scrollY, w: r.width, h: r.height}; });
  const out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = JSON.stringify({scroll: document.documentElement.scrollWidth,
                                    inner: innerWidth, boxes});
  document.body.appendChild(out);
});
</script>"""


def chromium(*args, timeout=120):
    profile = tempfile.mkdtemp()
    try:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", *args],
            capture_output=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@unittest.skipUnless(CHROMIUM, "needs chromium-headless-shell")
class Handout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.pages = {}
        for name, args in CASES.items():
            path = os.path.join(cls.tmp, name + ".html")
            code, out, err = run(args + ["--format", "html", "-o", path])
            assert code == 0, err
            assert out == "", out
            with open(path, encoding="utf-8") as f:
                cls.pages[name] = (path, f.read())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def measured(self, name, width):
        path, text = self.pages[name]
        probe = path.replace(".html", f".measure{width}.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(text.replace("</body>", MEASURE + "</body>"))
        p = chromium(f"--window-size={width},1000", "--virtual-time-budget=3000",
                     "--dump-dom", "file://" + probe)
        found = re.search(r'<pre id="measured">(.*?)</pre>', p.stdout.decode())
        self.assertTrue(found, p.stderr.decode()[-2000:])
        return json.loads(html.unescape(found.group(1)))

    def test_valid_html5_that_loads_nothing_from_outside(self):
        for name, (_, text) in self.pages.items():
            with self.subTest(name):
                parser = html5lib.HTMLParser(strict=True)
                parser.parse(text)
                self.assertEqual(parser.errors, [])
                for outside in ("<script", "<link", "<img", "<iframe", "url(", "@import",
                                "src=", "http://", "https://"):
                    if outside in ("http://",):  # the SVG namespace names a URL, loading nothing
                        self.assertEqual(text.count("http://"),
                                         text.count('xmlns="http://www.w3.org/2000/svg"'))
                        continue
                    self.assertNotIn(outside, text)

    def test_headline_first_and_the_disclaimer_on_every_page(self):
        for name, (_, text) in self.pages.items():
            with self.subTest(name):
                body = text[text.index("<body>"):]
                self.assertLess(body.index("<h1>"), body.index("<main>"))
                self.assertIn("is not medical advice", text)
                # In print, the disclaimer is in the page's bottom margin, on every page.
                self.assertRegex(text, r"@page \{[^}]*@bottom-center \{ content: \"This tool")
        self.assertIn("<h1>Look after your back at home</h1>", self.pages["lower"][1])
        self.assertIn("<h1>Go to A&amp;E now</h1>", self.pages["emergency"][1])

    def test_each_exercise_once_with_one_figure_steps_and_dose(self):
        for name, expected in EXPECTED.items():
            with self.subTest(name):
                text = self.pages[name][1]
                ids = re.findall(r'<article class="exercise" id="([a-z_]+)">', text)
                self.assertEqual(ids, expected)
                for article in re.findall(r'<article class="exercise".*?</article>', text):
                    self.assertEqual(article.count('<svg class="figure figure-animated"'), 1)
                    self.assertEqual(article.count('<svg class="figure figure-poses"'), 1)
                    self.assertRegex(article, r'<title id="[^"]+">[^<]+</title><desc id=')
                    self.assertIn("<ol><li>", article)
                    self.assertIn('<p class="dose">Dose: ', article)

    def test_a_figure_not_seen_from_the_side_is_captioned_in_the_rule_files_words(self):
        with open(os.path.join(SOURCE_DIR, "rules", "back-pain.yaml"), encoding="utf-8") as f:
            rules = yaml.safe_load(f)
        labels = {v["id"]: v["label"] for v in rules["views"]}
        routine = next(fact for fact in rules["facts"] if fact["id"] == "routine")
        views = {item["id"]: item["figure"]["view"] for item in routine["items"]}
        captioned = 0
        for exercise, article in re.findall(
                r'<article class="exercise" id="([a-z_]+)">(.*?)</article>', self.pages["both"][1]):
            with self.subTest(exercise):
                figure = re.search(r"<figure>(.*?)</figure>", article).group(1)
                view = views[exercise]
                if view == "side":
                    self.assertNotIn("<figcaption", figure)
                    continue
                captioned += 1
                self.assertTrue(figure.startswith(
                    f"<figcaption>{html.escape(labels[view])}</figcaption><svg"), figure[:80])
        self.assertGreaterEqual(captioned, 4)  # three seen from above, one from the front

    def test_an_emergency_handout_has_no_exercise_only_what_to_do_and_why(self):
        text = self.pages["emergency"][1]
        self.assertNotIn("<svg", text)
        self.assertNotIn('<article class="exercise"', text)
        self.assertNotIn("Your 6-week plan", text)
        self.assertIn("New problems with peeing or with bowel control", text)
        self.assertIn("Hours matter", text)

    def test_a_sign_with_its_own_place_sends_there_not_to_its_steps(self):
        # The maternity unit, not A&E: the warning must not say both.
        code, out, err = run(["--no-input", "--no-red-flags", "--pregnant", "yes",
                              "--pregnancy-signs", "yes", "--format", "html"])
        self.assertEqual(code, 0, err)
        warnings = out[out.index('<section class="warnings">'):]
        warnings = warnings[:warnings.index("</section>")]
        self.assertIn('<span class="go">Call your maternity unit now.</span>', warnings)
        self.assertNotIn("A&amp;E now", warnings)

    def test_the_plan_has_tick_boxes_and_the_check_ins(self):
        text = self.pages["lower"][1]
        plan = text[text.index('<section class="plan">'):]
        self.assertEqual(plan.count('<span class="tick"'), 18)
        self.assertIn("Check-in, end of week 2:</strong> Two weeks into the plan, the pain "
                      "should be starting to ease.", plan)
        self.assertIn("Check-in, end of week 4:</strong> If the pain is not easing by now", plan)
        self.assertIn("Check-in, end of week 6:</strong> By the end of the plan the pain should "
                      "have gone", plan)

    def test_a_home_care_handout_says_what_to_watch_for_before_the_routine(self):
        text = self.pages["lower"][1]
        watch = text.index('<section class="watch">')
        self.assertLess(watch, text.index('<section class="routine">'))
        box = text[watch:text.index("</section>", watch)]
        for words in ["What to watch for", "Call 999 now if you get", "Go to A&amp;E now",
                      "new pain, tingling, numbness or weakness in both legs",
                      "not easing by about 4 weeks"]:
            self.assertIn(words, box)
        # Someone on the way to A&E is not given a list of what else to watch for.
        self.assertNotIn('class="watch"', self.pages["emergency"][1])

    def test_every_figure_draws_pixels_where_it_stands(self):
        for name in ("lower", "upper"):
            with self.subTest(name):
                path, _ = self.pages[name]
                measured = self.measured(name, 1000)
                self.assertEqual([b["id"] for b in measured["boxes"]], EXPECTED[name])
                shot = path.replace(".html", ".png")
                height = int(max(b["y"] + b["h"] for b in measured["boxes"])) + 40
                chromium(f"--window-size=1000,{height}", f"--screenshot={shot}",
                         "file://" + path)
                image = Image.open(shot).convert("RGB")
                for box in measured["boxes"]:
                    crop = image.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["w"]),
                                       int(box["y"] + box["h"])))
                    dark = sum(1 for r, g, b in crop.getdata() if r + g + b < 200)
                    self.assertGreater(dark, 200, box["id"])  # the figure's lines, drawn

    def test_nothing_overflows_sideways_on_a_phone(self):
        for name in CASES:
            with self.subTest(name):
                measured = self.measured(name, 375)
                self.assertLessEqual(measured["scroll"], measured["inner"])
                for box in measured["boxes"]:
                    self.assertLessEqual(box["x"] + box["w"], 375)

    def test_print_keeps_pages_few_and_whole_on_a4_and_letter(self):
        # One region's routine on at most 3 sheets, both regions on at most 4 (the goal
        # was 5), each exercise whole on one page, on the paper asked for (A4 by default).
        limits = {"lower": 3, "upper": 3, "sciatica": 3, "both": 4, "emergency": 1}
        sizes = {"a4": "595x842", "letter": "612x792"}
        for paper, size in sizes.items():
            for name, most in limits.items():
                with self.subTest(paper=paper, case=name):
                    pdf = os.path.join(self.tmp, f"{name}-{paper}.pdf")
                    html_path = pdf.replace(".pdf", ".html")
                    extra = [] if paper == "a4" else ["--paper", paper]
                    code, _, err = run(CASES[name] + ["--format", "html", "-o", html_path] + extra)
                    self.assertEqual(code, 0, err)
                    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                             "file://" + html_path)
                    info = subprocess.run(["pdfinfo", pdf], capture_output=True,
                                          text=True).stdout
                    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
                    self.assertLessEqual(pages, most)
                    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
                    self.assertEqual(f"{round(float(found.group(1)))}x"
                                     f"{round(float(found.group(2)))}", size)
                    texts = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n),
                                             pdf, "-"], capture_output=True, text=True).stdout
                             for n in range(1, pages + 1)]
                    self.assertExercisesWhole(name, texts)

    def test_the_printed_plan_page_carries_the_signs_to_watch_for(self):
        # The plan page goes on the fridge: in print it shows, besides page 1's box, every
        # sign that means going up the ladder and where to go, on that same page.
        for paper in ("a4", "letter"):
            for name in ("lower", "upper", "both", "sciatica"):
                with self.subTest(paper=paper, case=name):
                    html_path = os.path.join(self.tmp, f"plan-{name}-{paper}.html")
                    pdf = html_path.replace(".html", ".pdf")
                    code, _, err = run(CASES[name] + ["--format", "html", "-o", html_path,
                                                      "--paper", paper])
                    self.assertEqual(code, 0, err)
                    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                             "file://" + html_path)
                    info = subprocess.run(["pdfinfo", pdf], capture_output=True,
                                          text=True).stdout
                    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
                    texts = [" ".join(subprocess.run(
                        ["pdftotext", "-raw", "-f", str(n), "-l", str(n), pdf, "-"],
                        capture_output=True, text=True).stdout.split())
                        for n in range(1, pages + 1)]
                    plan = [t for t in texts if "Your 6-week plan" in t]
                    self.assertEqual(len(plan), 1)
                    # The signs and the steps as the box on page 1 gives them.
                    text = self.pages[name][1]
                    watch = text.index('<section class="watch">')
                    box = text[watch:text.index("</section>", watch)]
                    said = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).split())
                            for item in re.findall(r"<(?:li|h3)>(.*?)</(?:li|h3)>", box)]
                    self.assertGreater(len(said), 5)
                    for words in said:
                        self.assertIn(words, plan[0])

    def assertExercisesWhole(self, name, page_texts):
        """Each exercise's title and its dose line print on one page."""
        _, text = self.pages[name]
        for n, article in enumerate(re.findall(r"<article.*?</article>", text), start=1):
            title = html.unescape(re.search(r"<h3>(.*?)</h3>", article).group(1))
            on = [i for i, page in enumerate(page_texts) if title in page]
            self.assertEqual(len(on), 1, f"{title} on pages {on}")
            # Its last step prints on the same page as its title.
            last_step = html.unescape(re.findall(r"<li>(.*?)</li>", article)[-1])
            start = " ".join(last_step.split()[:2])
            self.assertIn(start, " ".join(page_texts[on[0]].split()), title)

    def test_the_handout_says_whom_and_when_it_is_for(self):
        # The date it was made, the kind of pain in plain words and what it assumed, so
        # two people get different handouts and a clinician sees what it rests on.
        today = datetime.date.today()  # or yesterday, when the run straddled midnight
        days = {today.isoformat(), (today - datetime.timedelta(days=1)).isoformat()}
        lower, sciatica = self.pages["lower"][1], self.pages["sciatica"][1]
        for text in (lower, sciatica):
            about = text[text.index('<section class="about">'):]
            about = about[:about.index("</section>")]
            self.assertTrue(any(f"<dt>Made on</dt><dd>{day}</dd>" in about for day in days),
                            about)
            self.assertIn("<dt>How long</dt><dd>recent (acute), less than 12 weeks</dd>", about)
            self.assertIn("<dt>Where</dt><dd>lower back</dd>", about)
        self.assertIn("pain in one area of the back", lower)
        self.assertIn("nerve pain from the back (sciatica)", sciatica)
        self.assertNotIn("sciatica)", lower[:lower.index("</section>")])
        # Each tailored: the sciatica handout names the other leg among its warning signs.
        self.assertIn("other leg", sciatica)
        self.assertNotEqual(lower, sciatica)
        # What it assumed is said before the routine.
        self.assertLess(lower.index("It was assumed that you are not pregnant"),
                        lower.index('<section class="routine">'))

    def test_the_paper_is_set_for_print_a4_unless_asked(self):
        self.assertIn("@page { size: A4;", self.pages["lower"][1])
        code, out, _ = run(CASES["lower"] + ["--format", "html", "--paper", "letter"])
        self.assertEqual(code, 0)
        self.assertIn("@page { size: letter;", out)
        code, out, err = run(CASES["lower"] + ["--format", "html", "--paper", "a5"])
        self.assertEqual((code, out), (2, ""))
        self.assertIn("'a5' is not a4 or letter", err)
        code, _, err = run(CASES["lower"] + ["--paper", "letter"])
        self.assertEqual(code, 2)
        self.assertIn("--paper applies only to --format html", err)

    def test_print_uses_one_type_family_down_to_the_footer(self):
        text = self.pages["lower"][1]
        page_rule = text[text.index("@page"):text.index("@media print")]
        self.assertIn("font-family: system-ui", page_rule)
        self.assertNotIn("serif;", page_rule.replace("sans-serif", ""))


class Calendar(unittest.TestCase):
    def ics(self, args):
        code, out, err = run(args + ["--format", "ics", "--start", "2026-12-01",
                                     "--time", "07:30"])
        self.assertEqual(code, 0, err)
        return out, err

    def test_18_sessions_over_six_weeks_and_three_check_ins_on_their_days(self):
        out, err = self.ics(CASES["both"])
        self.assertEqual(err, "")
        calendar = icalendar.Calendar.from_ical(out)
        events = [e for e in calendar.walk("VEVENT")]
        sessions = [e for e in events if "-session-" in str(e["UID"])]
        check_ins = [e for e in events if "-check-in-" in str(e["UID"])]
        self.assertEqual((len(sessions), len(check_ins)), (18, 3))
        start = datetime.date(2026, 12, 1)
        days = sorted((e.decoded("DTSTART").date() - start).days for e in sessions)
        self.assertEqual(days, [w * 7 + d for w in range(6) for d in (0, 2, 4)])
        # Never two sessions on consecutive days, across weeks too.
        self.assertTrue(all(b - a >= 2 for a, b in zip(days, days[1:])))
        for e in sessions:
            when = e.decoded("DTSTART")
            self.assertEqual((when.hour, when.minute), (7, 30))
            self.assertIsNone(when.tzinfo)  # floating local time
            self.assertIn("Bird dog:", str(e["DESCRIPTION"]))
            self.assertIn("Lat pulldown with a band:", str(e["DESCRIPTION"]))
        self.assertEqual(sorted(e.decoded("DTSTART") for e in check_ins),
                         [datetime.date(2026, 12, 15), datetime.date(2026, 12, 29),
                          datetime.date(2027, 1, 12)])
        self.assertIn("should be starting to ease", str(check_ins[0]["DESCRIPTION"]))
        # Each check-in carries the safety net: which new signs mean going where.
        for e in check_ins:
            text = str(e["DESCRIPTION"])
            self.assertIn("Call 999 now if you get", text)
            self.assertIn("Go to A&E now", text)
            self.assertIn("both legs", text)
            self.assertIn("not easing by about 4 weeks", text)

    def test_a_reminder_on_every_event_as_alarm_says(self):
        for alarm, trigger in [([], "-PT30M"), (["--alarm", "15"], "-PT15M"),
                               (["--alarm", "none"], None)]:
            with self.subTest(alarm):
                code, out, err = run(CASES["lower"] + ["--format", "ics", "--start",
                                                        "2026-12-01", "--time", "07:30"] + alarm)
                self.assertEqual(code, 0, err)
                events = icalendar.Calendar.from_ical(out).walk("VEVENT")
                self.assertEqual(len(events), 21)
                for e in events:
                    alarms = e.walk("VALARM")
                    if trigger is None:
                        self.assertEqual(alarms, [])
                        continue
                    self.assertEqual(len(alarms), 1)
                    self.assertEqual(str(alarms[0]["ACTION"]), "DISPLAY")
                    when = alarms[0].decoded("TRIGGER")
                    before = datetime.timedelta(minutes=int(trigger[3:-1]))
                    if "-check-in-" in str(e["UID"]):
                        # All day: on the day, before the sessions' time, not the eve.
                        self.assertEqual(when, datetime.timedelta(hours=7, minutes=30) - before)
                    else:
                        self.assertEqual(when, -before)
        code, _, err = run(CASES["lower"] + ["--format", "ics", "--alarm", "soon"])
        self.assertEqual(code, 2)
        self.assertIn("'soon' is not a whole number of minutes from 0 to 1440, or none", err)

    def test_each_session_lists_its_exercises_and_doses_once(self):
        out, _ = self.ics(CASES["lower"])
        for e in icalendar.Calendar.from_ical(out).walk("VEVENT"):
            if "-session-" not in str(e["UID"]):
                continue
            text = str(e["DESCRIPTION"])
            for name in ["Hamstring stretch", "Bird dog", "Glute bridge"]:
                self.assertEqual(text.count(name + ":"), 1, text)
            # How often is said once, not after every exercise; no handout is assumed.
            self.assertNotIn("times a week", text.split("\n", 1)[1])
            self.assertNotIn("handout", text)
            self.assertIn("hold 15 to 30 seconds; 5 times on each side", text)

    def test_content_lines_are_crlf_and_folded_at_75_octets(self):
        out, _ = self.ics(CASES["lower"])
        raw = out.encode()
        self.assertTrue(raw.endswith(b"END:VCALENDAR\r\n"))
        for line in raw.split(b"\r\n"):
            self.assertLessEqual(len(line), 75)

    def test_the_same_answers_and_start_give_the_same_bytes(self):
        self.assertEqual(self.ics(CASES["lower"])[0], self.ics(CASES["lower"])[0])
        other, _ = self.ics(CASES["upper"])
        self.assertNotEqual(self.ics(CASES["lower"])[0], other)  # another plan, other UIDs

    def test_a_level_without_the_routine_has_no_sessions_and_says_why(self):
        out, err = self.ics(CASES["emergency"])
        events = icalendar.Calendar.from_ical(out).walk("VEVENT")
        self.assertEqual(len(events), 1)
        self.assertEqual(str(events[0]["SUMMARY"]), "Go to A&E now")
        self.assertEqual(err, 'backtriage: the calendar has no exercise sessions: the advice is '
                              '"Go to A&E now", which comes without the home routine\n')


if __name__ == "__main__":
    main()
