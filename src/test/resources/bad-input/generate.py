#!/usr/bin/env python3
"""Writes the bad-input corpus: one file per malformed input under cases/, and manifest.csv with
the error each must get (docs/contract.md, "Error"): code and field (empty = null).

Run from this folder: python3 generate.py   (the output is committed; rerun after editing)."""
import csv
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
cases = []


def add(slug, data, code, field=None, note=""):
    if isinstance(data, str):
        data = data.encode("utf-8")
    cases.append((slug, data, code, field, note))


def obj(**fields):
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


MALFORMED, UNKNOWN, INVALID, MISSING, CONFLICT = (
    "MALFORMED_JSON", "UNKNOWN_FIELD", "INVALID_VALUE", "MISSING_FIELD", "CONFLICT")

FULL = ('{"daysUntilInterview":-4,"interviewDate":"2026-12-01","today":"2026-12-05","directInterviewer":true,'
        '"existingRelationship":false,"hasReferral":false,"toldNotToConnect":false,"profileUpToDate":true,'
        '"priorRequest":"PENDING","applicationRejected":false,"interviewerSeemedHesitant":false,"followUpsSent":0,'
        '"interviewerName":"Sarah Lee","note":"Hi Sarah, thank you for the interview."}')

# --- truncated JSON: every prefix at a spread of cut points (none of them is a whole object)
for cut in [0, 1, 2, 5, 10, 20, 21, 22, 23, 24, 25, 30, 40, 41, 42, 50, 60, 70, 80, 100, 120, 150, 180, 200,
            230, 260, 290, 320, 340, 350, 355, 360, len(FULL) - 2, len(FULL) - 1]:
    assert cut < len(FULL), cut
    add("truncated-at-%03d" % cut, FULL[:cut], MALFORMED, note="the full situation cut after %d characters" % cut)

# --- not an object, or not JSON at all
for slug, text in [("top-array-empty", "[]"), ("top-array-of-object", '[{"daysUntilInterview":2}]'),
                   ("top-string", '"daysUntilInterview"'), ("top-number", "42"), ("top-true", "true"),
                   ("top-null", "null"), ("two-objects", '{"daysUntilInterview":2}{"daysUntilInterview":3}'),
                   ("trailing-garbage", '{"daysUntilInterview":2} x'), ("trailing-comma-after-object", '{"daysUntilInterview":2},'),
                   ("trailing-bracket", '{"daysUntilInterview":2}]'), ("single-quotes", "{'daysUntilInterview':2}"),
                   ("unquoted-key", "{daysUntilInterview:2}"), ("trailing-comma", '{"daysUntilInterview":2,}'),
                   ("block-comment", '{/* soon */"daysUntilInterview":2}'), ("line-comment", '{"daysUntilInterview":2 // soon\x0b}'),
                   ("missing-colon", '{"daysUntilInterview" 2}'), ("missing-comma", '{"daysUntilInterview":2 "hasReferral":true}'),
                   ("nan", '{"daysUntilInterview":NaN}'), ("infinity", '{"daysUntilInterview":Infinity}'),
                   ("minus-infinity", '{"daysUntilInterview":-Infinity}'), ("hex-number", '{"daysUntilInterview":0x10}'),
                   ("leading-plus", '{"daysUntilInterview":+2}'), ("leading-zero", '{"daysUntilInterview":02}'),
                   ("dot-number", '{"daysUntilInterview":.5}'), ("raw-tab-in-string", '{"daysUntilInterview":2,"note":"a\tb"}'),
                   ("raw-newline-escape-bad", '{"daysUntilInterview":2,"note":"a\\x41"}'),
                   ("short-unicode-escape", '{"daysUntilInterview":2,"note":"\\u12"}'),
                   ("unclosed-string", '{"daysUntilInterview":2,"note":"hello}'), ("bare-word", "advise"),
                   ("xml", "<situation days=\"2\"/>"), ("yaml", "daysUntilInterview: 2"),
                   ("equals-form", "daysUntilInterview=2"), ("only-open-brace", "{"), ("only-close-brace", "}"),
                   ("colon-only", ":"), ("key-without-value", '{"daysUntilInterview"}'),
                   ("python-true", '{"daysUntilInterview":2,"hasReferral":True}'),
                   ("undefined", '{"daysUntilInterview":undefined}'), ("nul-byte", '{"daysUntilInterview":2}\x00')]:
    add(slug, text, MALFORMED)

# --- empty input and empty lines
for slug, text in [("empty", ""), ("space", " "), ("spaces", "     "), ("tab", "\t"), ("carriage-return", "\r"),
                   ("form-feed", "\x0c"), ("nbsp", "\u00a0"), ("bom-only", "\ufeff")]:
    add(slug, text, MALFORMED, note="nothing but whitespace (an empty JSONL line)")

# --- wrong types, one field at a time (each with a valid day, the bad field first)
INTS = ["daysUntilInterview", "followUpsSent"]
BOOLS = ["directInterviewer", "existingRelationship", "hasReferral", "toldNotToConnect", "profileUpToDate",
         "applicationRejected", "interviewerSeemedHesitant"]
STRINGS = ["interviewerName", "note"]


def with_day(field, raw):
    return '{"%s":%s,"daysUntilInterview":-4}' % (field, raw) if field != "daysUntilInterview" else '{"%s":%s}' % (field, raw)


for field in INTS:
    for slug, raw in [("string-number", '"5"'), ("fraction", "5.7"), ("fraction-zero", "5.0"), ("exponent", "1e2"),
                      ("boolean", "true"), ("array", "[1]"), ("object", '{"n":1}'), ("null", "null"), ("empty-string", '""')]:
        add("type-%s-%s" % (field, slug), with_day(field, raw), INVALID, field)
for field in BOOLS:
    for slug, raw in [("string-true", '"true"'), ("one", "1"), ("zero", "0"), ("null", "null"), ("array", "[]"),
                      ("yes", '"yes"')]:
        add("type-%s-%s" % (field, slug), with_day(field, raw), INVALID, field)
for field in STRINGS:
    for slug, raw in [("number", "5"), ("boolean", "false"), ("null", "null"), ("array", '["Sarah"]'), ("object", "{}")]:
        add("type-%s-%s" % (field, slug), with_day(field, raw), INVALID, field)
for slug, raw in [("lowercase", '"pending"'), ("empty", '""'), ("unknown-state", '"REJECTED"'), ("number", "1"),
                  ("null", "null"), ("array", '["PENDING"]'), ("padded", '" PENDING"')]:
    add("type-priorRequest-" + slug, with_day("priorRequest", raw), INVALID, "priorRequest")
for field in ["interviewDate", "today"]:
    for slug, raw in [("month-13", '"2026-13-01"'), ("feb-30", '"2026-02-30"'), ("not-leap", '"2026-02-29"'),
                      ("compact", '"20261201"'), ("one-digit-day", '"2026-12-1"'), ("number", "20261201"),
                      ("null", "null"), ("with-time", '"2026-12-01T10:00"'), ("slashes", '"12/01/2026"'), ("empty", '""')]:
        other = '"today":"2026-11-25"' if field == "interviewDate" else '"interviewDate":"2026-12-01"'
        add("type-%s-%s" % (field, slug), '{"%s":%s,%s}' % (field, raw, other), INVALID, field)

# --- out of range and huge numbers
for slug, raw, field in [("days-366", "366", "daysUntilInterview"), ("days-minus-366", "-366", "daysUntilInterview"),
                         ("days-int-max", "2147483647", "daysUntilInterview"),
                         ("days-int-overflow", "2147483648", "daysUntilInterview"),
                         ("days-int-min-overflow", "-2147483649", "daysUntilInterview"),
                         ("days-long-overflow", "9223372036854775808", "daysUntilInterview"),
                         ("days-20-digits", "99999999999999999999", "daysUntilInterview"),
                         ("days-300-digits", "9" * 300, "daysUntilInterview"),
                         ("days-huge-exponent", "1e400", "daysUntilInterview"),
                         ("days-tiny-fraction", "1e-400", "daysUntilInterview"),
                         ("follow-ups-minus-1", "-1", "followUpsSent"), ("follow-ups-101", "101", "followUpsSent"),
                         ("follow-ups-huge", "12345678901234567890", "followUpsSent")]:
    add("range-" + slug, with_day(field, raw), INVALID, field)
add("range-days-1500-digits", '{"daysUntilInterview":%s}' % ("9" * 1500), MALFORMED,
    note="longer than the parser's number limit (1000 digits): refused as malformed before the field is read")

# --- huge strings
add("huge-note-5001", obj(daysUntilInterview=2, note="a" * 5001), INVALID, "note")
add("huge-note-5001-emoji", obj(daysUntilInterview=2, note="\U0001F600" * 5001), INVALID, "note",
    "5001 code points (10002 UTF-16 units)")
add("huge-note-50k", obj(daysUntilInterview=2, note="word " * 10000), INVALID, "note")
add("huge-note-escaped", '{"daysUntilInterview":2,"note":"%s"}' % ("\\u0041" * 5001), INVALID, "note")
add("huge-name-201", obj(daysUntilInterview=2, interviewerName="N" * 201), INVALID, "interviewerName")
add("huge-name-10k", obj(daysUntilInterview=2, interviewerName="Sarah " * 2000), INVALID, "interviewerName")
add("huge-prior-request", obj(daysUntilInterview=2, priorRequest="P" * 10000), INVALID, "priorRequest")
add("huge-date", obj(interviewDate="2" * 10000, today="2026-11-25"), INVALID, "interviewDate")
add("huge-key", '{"%s":1,"daysUntilInterview":2}' % ("k" * 60000), MALFORMED,
    note="a key longer than the parser's name limit (50,000): malformed")

# --- deep nesting
for depth in [2, 10, 100, 500]:
    add("deep-array-value-%d" % depth, '{"note":%s%s,"daysUntilInterview":2}' % ("[" * depth, "]" * depth), INVALID, "note")
    add("deep-object-value-%d" % depth,
        '{"note":%s1%s,"daysUntilInterview":2}' % ('{"a":' * depth, "}" * depth), INVALID, "note")
for depth in [1001, 5000, 20000]:
    add("deep-array-value-%d" % depth, '{"note":%s%s,"daysUntilInterview":2}' % ("[" * depth, "]" * depth), MALFORMED,
        note="deeper than the parser's nesting limit (1000)")
    add("deep-top-array-%d" % depth, "[" * depth + "]" * depth, MALFORMED)
add("deep-unclosed", "[" * 3000, MALFORMED)
add("deep-object-value-2000", '{"note":%s1%s}' % ('{"a":' * 2000, "}" * 2000), MALFORMED)

# --- nulls
for field in INTS + ["interviewDate", "today"] + BOOLS + ["priorRequest"] + STRINGS:
    body = with_day(field, "null") if field not in ("interviewDate", "today") else None
    if field == "interviewDate":
        body = '{"interviewDate":null,"today":"2026-11-25"}'
    if field == "today":
        body = '{"today":null,"interviewDate":"2026-12-01"}'
    add("null-" + field, body, INVALID, field)
add("null-everything", '{"daysUntilInterview":null,"note":null}', INVALID, "daysUntilInterview")

# --- duplicate keys: malformed, naming the key
ALL = INTS + BOOLS + STRINGS + ["priorRequest", "interviewDate", "today"]
SAMPLE = {"daysUntilInterview": "2", "followUpsSent": "0", "interviewerName": '"Sarah"', "note": '"Hi"',
          "priorRequest": '"NONE"', "interviewDate": '"2026-12-01"', "today": '"2026-11-25"'}
for field in ALL:
    value = SAMPLE.get(field, "false")
    add("duplicate-" + field, '{"daysUntilInterview":-4,"%s":%s,"%s":%s}' % (field, value, field, value)
        if field != "daysUntilInterview" else '{"daysUntilInterview":2,"daysUntilInterview":2}', MALFORMED, field)
add("duplicate-days-different", '{"daysUntilInterview":2,"daysUntilInterview":-4}', MALFORMED, "daysUntilInterview")
add("duplicate-unknown", '{"daysUntilInterview":2,"colour":1,"colour":2}', MALFORMED, "colour")
add("duplicate-escaped", '{"daysUntilInterview":2,"note":"a","n\\u006fte":"b"}', MALFORMED, "note",
    "the second key is the same name written with an escape")
add("duplicate-nested-in-bad-value", '{"daysUntilInterview":2,"note":{"a":1,"a":2}}', MALFORMED, "a")

# --- unknown fields
for k, key in enumerate(["daysuntilinterview", "days_until_interview", "DaysUntilInterview", "days", "verdict", "actInDays", "",
            " note", "note ", "__proto__", "constructor", "interviewer", "name", "rules", "Note", "hasreferral",
            "priorRequests", "followUps", "\u00e9t\u00e9", "daysUntilInterview\u0000"], 1):
    add("unknown-%02d" % k, '{"daysUntilInterview":2,%s:1}' % json.dumps(key), UNKNOWN, key)

# --- missing day
for slug, text in [("empty-object", "{}"), ("only-booleans", '{"hasReferral":true,"toldNotToConnect":false}'),
                   ("only-note", '{"note":"Hi Sarah"}'), ("only-prior", '{"priorRequest":"PENDING"}')]:
    add("missing-" + slug, text, MISSING, "daysUntilInterview")

# --- contradictions
for slug, text, field in [
        ("rejected-before", '{"daysUntilInterview":2,"applicationRejected":true}', "applicationRejected"),
        ("rejected-on-the-day", '{"daysUntilInterview":0,"applicationRejected":true}', "applicationRejected"),
        ("follow-ups-before", '{"daysUntilInterview":5,"followUpsSent":1}', "followUpsSent"),
        ("follow-ups-on-the-day", '{"daysUntilInterview":0,"followUpsSent":2}', "followUpsSent"),
        ("today-alone", '{"daysUntilInterview":2,"today":"2026-11-25"}', "today"),
        ("dates-disagree", '{"daysUntilInterview":2,"interviewDate":"2026-12-01","today":"2026-11-25"}', "interviewDate"),
        ("dates-rejected-before", '{"interviewDate":"2026-12-01","today":"2026-11-25","applicationRejected":true}',
         "applicationRejected"),
        ("dates-follow-ups-before", '{"interviewDate":"2026-12-01","today":"2026-11-25","followUpsSent":3}', "followUpsSent")]:
    add("conflict-" + slug, text, CONFLICT, field)
add("range-date-too-far", '{"interviewDate":"2028-12-01","today":"2026-11-25"}', INVALID, "interviewDate")
add("range-date-too-long-ago", '{"interviewDate":"2020-12-01","today":"2026-11-25"}', INVALID, "interviewDate")

# --- the fields for the suggested note: lengths and types
for field, limit in [("yourName", 100), ("company", 100), ("role", 100), ("topic", 200)]:
    add("huge-%s-%d" % (field, limit + 1), obj(daysUntilInterview=2, **{field: "n" * (limit + 1)}), INVALID, field)
    add("type-%s-number" % field, '{"daysUntilInterview":2,"%s":7}' % field, INVALID, field)
    add("null-%s" % field, '{"daysUntilInterview":2,"%s":null}' % field, INVALID, field)
    add("lone-surrogate-%s" % field, '{"daysUntilInterview":2,"%s":"a\\ud800b"}' % field, INVALID, field)
add("type-topic-array", '{"daysUntilInterview":-4,"topic":["the platform"]}', INVALID, "topic")
add("huge-topic-astral-201", obj(daysUntilInterview=-4, topic="\U0001F600" * 201), INVALID, "topic")

# --- bytes that are not UTF-8 (raw files: .bin)
def raw(slug, data, note):
    add("bytes-" + slug, data, MALFORMED, note=note)


raw("latin1-in-note", b'{"daysUntilInterview":2,"note":"caf\xe9 soon"}', "Latin-1 e-acute")
raw("latin1-at-end-of-string", b'{"daysUntilInterview":2,"note":"caf\xe9"}', "Latin-1 byte before the quote")
raw("cp1252-quotes", b'{"daysUntilInterview":2,"note":"\x93hi\x94"}', "Windows-1252 smart quotes")
raw("latin1-in-key", b'{"daysUntilInterview":2,"n\xf6te":"hi"}', "Latin-1 in a key")
raw("lone-continuation", b'{"daysUntilInterview":2,"note":"a\x80b"}', "a continuation byte without a lead")
raw("truncated-2-byte", b'{"daysUntilInterview":2,"note":"a\xc3"}', "a lead byte without its continuation")
raw("truncated-3-byte", b'{"daysUntilInterview":2,"note":"\xe2\x82"}', "euro sign cut short")
raw("truncated-4-byte", b'{"daysUntilInterview":2,"note":"\xf0\x9f\x98"}', "emoji cut short")
raw("overlong-slash", b'{"daysUntilInterview":2,"note":"\xc0\xaf"}', "overlong encoding of '/'")
raw("overlong-nul", b'{"daysUntilInterview":2,"note":"\xc0\x80"}', "overlong encoding of NUL")
raw("overlong-3-byte", b'{"daysUntilInterview":2,"note":"\xe0\x80\xaf"}', "3-byte overlong")
raw("surrogate-encoded", b'{"daysUntilInterview":2,"note":"\xed\xa0\x80"}', "a UTF-16 surrogate encoded in UTF-8")
raw("cesu-pair", b'{"daysUntilInterview":2,"note":"\xed\xa0\xbd\xed\xb8\x80"}', "CESU-8 surrogate pair")
raw("above-unicode", b'{"daysUntilInterview":2,"note":"\xf4\x90\x80\x80"}', "code point above U+10FFFF")
raw("five-byte", b'{"daysUntilInterview":2,"note":"\xf8\x88\x80\x80\x80"}', "obsolete 5-byte form")
raw("ff-byte", b'{"daysUntilInterview":2,"note":"\xff"}', "0xFF never appears in UTF-8")
raw("fe-byte", b'{"daysUntilInterview":2,"note":"\xfe"}', "0xFE never appears in UTF-8")
raw("invalid-outside-string", b'{"daysUntilInterview":2\xff}', "a stray byte between tokens")
raw("invalid-before-object", b'\xff{"daysUntilInterview":2}', "a stray byte before the object")
raw("utf16le-bom", b"\xff\xfe" + '{"daysUntilInterview":2}'.encode("utf-16-le"), "UTF-16LE with its BOM")
raw("utf16be-bom", b"\xfe\xff" + '{"daysUntilInterview":2}'.encode("utf-16-be"), "UTF-16BE with its BOM")
raw("utf16le-no-bom", '{"daysUntilInterview":2}'.encode("utf-16-le"), "UTF-16LE without a BOM")
raw("utf16be-no-bom", '{"daysUntilInterview":2}'.encode("utf-16-be"), "UTF-16BE without a BOM")
raw("utf32le", '{"daysUntilInterview":2}'.encode("utf-32-le"), "UTF-32LE")
raw("gzip-magic", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip header")
raw("random-binary", bytes(range(0x80, 0x100)), "every high byte")

def escape(text):
    """The field as printable ASCII: anything else as \\uXXXX (the test decodes it)."""
    return "".join(c if 0x20 <= ord(c) < 0x7F and c != "\\" else "\\u%04x" % ord(c) for c in text)


# --- write
if os.path.isdir(CASES):
    shutil.rmtree(CASES)
os.makedirs(CASES)
slugs = set()
with open(os.path.join(HERE, "manifest.csv"), "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["file", "code", "field", "note"])
    for i, (slug, data, code, field, note) in enumerate(cases, 1):
        assert slug not in slugs, slug
        slugs.add(slug)
        try:
            data.decode("utf-8")
            ext = "json"
        except UnicodeDecodeError:
            ext = "bin"
        name = "%03d-%s.%s" % (i, slug, ext)
        with open(os.path.join(CASES, name), "wb") as f:
            f.write(data)
        w.writerow([name, code, "(null)" if field is None else escape(field), note])
print(len(cases), "cases")
