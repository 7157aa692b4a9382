#!/usr/bin/env python3
"""Check a locale overlay of a backtriage rule set against its base file.

    check_overlay.py BASE OVERLAY [REGIONAL...] [--list-missing] [--merged=OUT.yaml]

OVERLAY is the complete language file (e.g. rules/back-pain.es.yaml): it must give every
text of BASE. Each REGIONAL file (e.g. rules/back-pain.es-ES.yaml) may give only some texts;
it is also checked merged over OVERLAY. Reports, one per line:
  - a key path in an overlay that the base does not have;
  - a key other than a text key, `id` (and `week` in check-ins), or the header keys;
  - a text of the base missing from OVERLAY;
  - a text whose shape differs from the base's (a string for a list, a YAML 1.1 boolean...);
  - `{placeholders}` that differ from the base's;
  - a spoken word in two of yes/no/unsure/why/back/skip/quit, a `says` word naming two
    choices of one question, or two spoken units of one question.
With --merged, also writes BASE with OVERLAY and the REGIONAL files laid over it (texts
replaced whole, list items found by id, check-ins by week, spoken units by position): a rule
file in the language that `backtriage check` and `backtriage test` can read, until backtriage
merges overlays itself. Exit status 1 when anything is reported. Needs PyYAML.
"""
import re
import sys

import yaml

TEXT_KEYS = {'title', 'disclaimer', 'label', 'prompt', 'help', 'why', 'spoken_help', 'assumed',
             'says', 'name', 'text', 'advice', 'action', 'equipment', 'purpose', 'reason',
             'signs', 'steps', 'when', 'unit'}
HEADER_KEYS = {'locale', 'translates', 'paper'}
SKIPPED = {'rules', 'report', 'id', 'version'}        # top-level keys never in an overlay
POSITIONAL = {'spoken_units', 'spoken_phrases'}      # lists matched by position
EXCLUSIVE = ['yes', 'no', 'unsure', 'why', 'back', 'skip', 'quit']
PLACEHOLDER = re.compile(r'\{[A-Za-z_][A-Za-z0-9_]*\}')


def is_text(key, path):
    """Whether `key` under `path` (a tuple of keys and list selectors) is a text."""
    if not path and key == 'advice':
        return False                                 # the top-level section
    if key == 'when':
        return bool(path) and path[0] == 'facts'
    if path[:2] == ('interview', 'spoken'):
        return True
    return key in TEXT_KEYS or (path == ('interview',) and key == 'spoken')


def selector(parent_key, index, item):
    if parent_key in POSITIONAL:
        return '[%d]' % index
    if isinstance(item, dict) and 'id' in item:
        return '[id=%s]' % item['id']
    if isinstance(item, dict) and 'week' in item:
        return '[week=%s]' % item['week']
    return '[%d]' % index


def texts(doc):
    """{path tuple: value} for every text of a document (base or overlay)."""
    found = {}

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if not path and key in SKIPPED | HEADER_KEYS:
                    continue
                if path == ('interview',) and key == 'spoken':
                    for word_list, words in (value or {}).items():
                        found[path + ('spoken', str(word_list))] = words
                elif is_text(key, path):
                    found[path + (key,)] = value
                else:
                    walk(value, path + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, path + (selector(path[-1] if path else '', i, item),))

    walk(doc, ())
    return found


def structure_problems(base, overlay, name):
    """Key paths the base lacks, and keys that are neither texts nor locators."""
    problems = []

    def walk(o, b, path):
        if isinstance(o, dict):
            if not isinstance(b, dict):
                problems.append('%s: %s: a mapping where the base has none' % (name, show(path)))
                return
            for key, value in o.items():
                if not path and key in HEADER_KEYS:
                    continue
                if not path and key in SKIPPED:
                    problems.append('%s: %s: never in an overlay' % (name, key))
                    continue
                if key not in b:
                    problems.append('%s: %s: not in the base' % (name, show(path + (key,))))
                    continue
                if path == () and key == 'interview':
                    pass
                if path == ('interview',) and key == 'spoken':
                    if not isinstance(value, dict):
                        problems.append('%s: interview.spoken: not a mapping' % name)
                        continue
                    for w in value:
                        if w not in (b['spoken'] or {}):
                            problems.append('%s: interview.spoken.%s: not in the base' % (name, w))
                    continue
                if is_text(key, path):
                    continue
                if key in ('id', 'week'):
                    if value != b[key]:
                        problems.append('%s: %s: %r, the base has %r' %
                                        (name, show(path + (key,)), value, b[key]))
                    continue
                if not isinstance(value, (dict, list)):
                    problems.append('%s: %s: not a text key (only texts, `id` and `week`)' %
                                    (name, show(path + (key,))))
                    continue
                walk(value, b[key], path + (key,))
        elif isinstance(o, list):
            if not isinstance(b, list):
                problems.append('%s: %s: a list where the base has none' % (name, show(path)))
                return
            parent = path[-1] if path else ''
            if parent in POSITIONAL:
                if len(o) != len(b):
                    problems.append('%s: %s: %d entries, the base has %d (matched by position)'
                                    % (name, show(path), len(o), len(b)))
                for i, item in enumerate(o[:len(b)]):
                    walk(item, b[i], path + ('[%d]' % i,))
                return
            seen = set()
            for i, item in enumerate(o):
                if not isinstance(item, dict):
                    problems.append('%s: %s[%d]: not a mapping' % (name, show(path), i))
                    continue
                if 'id' in item:
                    key, field = item['id'], 'id'
                elif 'week' in item:
                    key, field = item['week'], 'week'
                else:
                    problems.append('%s: %s[%d]: no `id` (or `week`) to find it by' %
                                    (name, show(path), i))
                    continue
                if (field, key) in seen:
                    problems.append('%s: %s: %s %s given twice' % (name, show(path), field, key))
                seen.add((field, key))
                match = [x for x in b if isinstance(x, dict) and x.get(field) == key]
                if not match:
                    problems.append('%s: %s[%s=%s]: not in the base' % (name, show(path), field, key))
                    continue
                walk(item, match[0], path + ('[%s=%s]' % (field, key),))
        else:
            problems.append('%s: %s: a scalar where the base has a section' % (name, show(path)))

    walk(overlay, base, ())
    return problems


def show(path):
    out = ''
    for p in path:
        out += p if p.startswith('[') else ('.' if out else '') + p
    return out


def shape_problems(base_texts, over_texts, name):
    problems = []
    for path, value in over_texts.items():
        if path not in base_texts:
            continue                                  # reported by structure_problems
        want = base_texts[path]
        where = '%s: %s' % (name, show(path))
        if path[-1] == 'numbers':
            if not isinstance(value, dict):
                problems.append('%s: not a mapping of words to numbers' % where)
                continue
            for word, n in value.items():
                if not isinstance(word, str) or isinstance(n, bool) or not isinstance(n, (int, float)):
                    problems.append('%s: %r: %r is not a word and a number' % (where, word, n))
            continue
        if isinstance(want, list):
            if not isinstance(value, list):
                problems.append('%s: a list in the base, not here' % where)
                continue
            if want and not value:
                problems.append('%s: empty, the base has %d' % (where, len(want)))
            for w in value:
                if not isinstance(w, str):
                    problems.append('%s: %r is not text (quote yes/no/y/n/on/off)' % (where, w))
        elif isinstance(want, str):
            if not isinstance(value, str):
                problems.append('%s: %r is not text' % (where, value))
                continue
            if not value.strip():
                problems.append('%s: empty' % where)
            if sorted(PLACEHOLDER.findall(value)) != sorted(PLACEHOLDER.findall(want)):
                problems.append('%s: placeholders %s, the base has %s' %
                                (where, PLACEHOLDER.findall(value), PLACEHOLDER.findall(want)))
    return problems


def word_problems(doc, name):
    """Spoken words in two lists that conflict; `says` words naming two things at once."""
    problems = []
    spoken = ((doc.get('interview') or {}).get('spoken')) or {}
    owner = {}
    for lst in EXCLUSIVE:
        for w in spoken.get(lst, []) or []:
            if not isinstance(w, str):
                continue
            if w in owner and owner[w] != lst:
                problems.append('%s: interview.spoken: %r is in both %s and %s' % (name, w, owner[w], lst))
            owner.setdefault(w, lst)
    for lst, words in spoken.items():
        if isinstance(words, list):
            dup = sorted({w for w in words if words.count(w) > 1}, key=str)
            if dup:
                problems.append('%s: interview.spoken.%s: listed twice: %s' % (name, lst, dup))
        for w in (words or []):
            if isinstance(w, str) and w != normal(w):
                problems.append('%s: interview.spoken.%s: %r is not as a prompt reads it (%r)'
                                % (name, lst, w, normal(w)))
    # Fillers are taken out before a number and its unit are read: a filler that is a unit's
    # word, or is one of a number's words ("unos" in "unos cuantos"), is never seen.
    fillers = {w for w in spoken.get('fillers', []) or [] if isinstance(w, str)}
    for word in (spoken.get('numbers') or {}):
        if isinstance(word, str) and any(w in fillers for w in word.split(' ')):
            problems.append('%s: interview.spoken.numbers: %r has a filler word, which is '
                            'taken out first' % (name, word))
    for q in doc.get('questions', []) or []:
        for c in q.get('spoken_units', []) or []:
            for w in c.get('says', []) or []:
                if w in fillers:
                    problems.append('%s: %s.spoken_units: %r is also a filler' % (name, q.get('id'), w))
        if isinstance(q.get('unit'), str) and q['unit'] in fillers:
            problems.append('%s: %s.unit: %r is also a filler' % (name, q.get('id'), q['unit']))
    for q in doc.get('questions', []) or []:
        for field in ('choices', 'spoken_units', 'spoken_phrases'):
            seen = {}
            for i, c in enumerate(q.get(field, []) or []):
                label = c.get('id', '#%d' % (i + 1))
                for w in c.get('says', []) or []:
                    if not isinstance(w, str):
                        continue
                    if w != normal(w):
                        problems.append('%s: %s.%s: %r is not as a prompt reads it (%r)' %
                                        (name, q.get('id'), field, w, normal(w)))
                    if w in seen and seen[w] != label:
                        problems.append('%s: %s.%s: %r names both %s and %s' %
                                        (name, q.get('id'), field, w, seen[w], label))
                    seen.setdefault(w, label)
    return problems


def normal(text):
    """As backtriage's normalize_spoken reads typed text (ASCII lower case only)."""
    text = text.replace('\u2019', "'").replace('\u2018', "'")
    text = re.sub(r'[,;\t\r\n]', ' ', text)
    text = ''.join(c.lower() if c.isascii() else c for c in text)
    while text and (text[-1] in '.! ' or (text[-1] == '?' and text.strip('? '))):
        text = text[:-1]
    return re.sub(' +', ' ', text).lstrip(' ')


def merged(base_overlay, regional):
    """The regional overlay laid over the language overlay (texts replaced whole)."""
    import copy
    out = copy.deepcopy(base_overlay)

    def lay(dst, src, path):
        for key, value in src.items():
            if not path and key in HEADER_KEYS:
                dst[key] = value
            elif isinstance(value, dict) and isinstance(dst.get(key), dict) and not is_text(key, path):
                lay(dst[key], value, path + (key,))
            elif isinstance(value, list) and isinstance(dst.get(key), list) and value and \
                    isinstance(value[0], dict) and not is_text(key, path):
                for i, item in enumerate(value):
                    if 'id' in item:
                        match = [x for x in dst[key] if x.get('id') == item['id']]
                    elif 'week' in item:
                        match = [x for x in dst[key] if x.get('week') == item['week']]
                    else:
                        match = [dst[key][i]] if i < len(dst[key]) else []
                    if match:
                        lay(match[0], item, path + (key, '[]'))
            else:
                dst[key] = value
    lay(out, regional, ())
    return out


def main(argv):
    list_missing = '--list-missing' in argv
    args = [a for a in argv if not a.startswith('--')]
    if len(args) < 2:
        print(__doc__)
        return 2
    base_path, lang_path, regional_paths = args[0], args[1], args[2:]
    base = yaml.safe_load(open(base_path, encoding='utf-8'))
    base_texts = texts(base)
    problems = []

    def header(doc, name, locale_prefix):
        out = []
        loc = doc.get('locale')
        if not isinstance(loc, str) or not re.fullmatch(r'[a-z]{2,3}(-[A-Z]{2}|-[0-9]{3})?', loc):
            out.append('%s: locale: %r is not a BCP 47 tag such as es or es-ES' % (name, loc))
        elif locale_prefix and not loc.startswith(locale_prefix + '-'):
            out.append('%s: locale: %s is not a region of %s' % (name, loc, locale_prefix))
        if doc.get('translates') != base.get('id'):
            out.append('%s: translates: %r, the base is %r' % (name, doc.get('translates'), base.get('id')))
        if 'paper' in doc and doc['paper'] not in ('a4', 'letter'):
            out.append('%s: paper: %r is not a4 or letter' % (name, doc['paper']))
        return out

    lang = yaml.safe_load(open(lang_path, encoding='utf-8'))
    lang_texts = texts(lang)
    problems += header(lang, lang_path, None)
    problems += structure_problems(base, lang, lang_path)
    problems += shape_problems(base_texts, lang_texts, lang_path)
    problems += word_problems(lang, lang_path)
    missing = [p for p in base_texts if p not in lang_texts]
    for p in missing:
        problems.append('%s: %s: missing%s' % (lang_path, show(p),
                        (': ' + repr(base_texts[p])[:100]) if list_missing else ''))
    covered = len([p for p in base_texts if p in lang_texts])
    for path in regional_paths:
        reg = yaml.safe_load(open(path, encoding='utf-8')) or {}
        problems += header(reg, path, lang.get('locale'))
        problems += structure_problems(base, reg, path)
        problems += shape_problems(base_texts, texts(reg), path)
        problems += word_problems(merged(lang, reg), path + ' (over ' + lang_path + ')')
        print('%s: %d texts' % (path, len(texts(reg))))
    out = [a.split('=', 1)[1] for a in argv if a.startswith('--merged=')]
    if out:
        whole = merged(base, lang)
        for path in regional_paths:
            whole = merged(whole, yaml.safe_load(open(path, encoding='utf-8')) or {})
        for key in HEADER_KEYS:
            whole.pop(key, None)
        with open(out[0], 'w', encoding='utf-8') as f:
            yaml.safe_dump(whole, f, allow_unicode=True, sort_keys=False, width=100)
    for p in problems:
        print(p)
    print('%s: %d of the base\'s %d texts; %d problem(s)' %
          (lang_path, covered, len(base_texts), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
