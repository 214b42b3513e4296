/**
 * A block comment with `code`, a URL http://example.com/path and // inside.
 */
"use strict";

var a = 1; // trailing comment
var url = "http://example.com/*not a comment*/";
var s = 'it\'s // fine';
var re = /\/\/[a-z]*\/+/g, re2 = /[/*]/;

    // an indented comment line
var half = (a + 1) / 2 / 3; // two divisions after a parenthesis
if (a) /x/.test("x");
var n = a++ / 2;
var t = `template // keeps ${a /* inner comment */ + 1} and
    indentation /* and this */ ${ { b: "}" }.b }`;
function f() {
  return /^\s+$/.test(" ");   
}
var kind = typeof /re/;
var obj = { x: 1 } /* mid */, y = 2;
/* a
   multi-line comment */ var z = 3;
var ratio = [4][0] / 2;
