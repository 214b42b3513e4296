"""Writes jcs.json: JSON texts and their RFC 8785 canonical form, computed by PyPI's
rfc8785 (Trail of Bits), an implementation this project did not write. The texts stay
within the strict reader's bounds (no number beyond 2^53). Run:
python3 Tests/vectors/credentials/make_jcs.py > Tests/vectors/credentials/jcs.json"""
import json

import rfc8785

CASES = [
    '{"b":2,"a":1}',
    '[56,{"d":true,"10":null,"1":[]}]',
    '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}',
    '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    '{"numbers":[333333333.33333329,1E15,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    '{"1":{"f":{"f":"hi","F":5},"\\n":56.0},"10":{},"":"empty","a":{},"111":[{"e":"yes","E":"no"}],"A":{}}',
    '{"name":"Budi Santoso","creditsEarned":20,"jp":13.3,"x":-7.5}',
    '{"a":"\\u0000\\u0001\\u001f\\u007f","b":"tab\\there","c":"<script>alert(1)</script>"}',
    '{"nfc":"Andr\\u00e9","nfd":"Andre\\u0301"}',
    '{"\\ue000":1,"\\ud800\\udc00":2}',
    '[]', '{}', '"x"', '0', '-1.5', '1e-7', '9007199254740991', '-9007199254740991', '5e-324',
]

print(json.dumps([{"input": c, "canonical": rfc8785.dumps(json.loads(c)).decode("utf-8")} for c in CASES],
                 ensure_ascii=False, indent=1))
