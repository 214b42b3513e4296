"use strict";
var a = 1;
var url = "http://example.com/*not a comment*/";
var s = 'it\'s // fine';
var re = /\/\/[a-z]*\/+/g, re2 = /[/*]/;
var half = (a + 1) / 2 / 3;
if (a) /x/.test("x");
var n = a++ / 2;
var t = `template // keeps ${a  + 1} and
    indentation /* and this */ ${ { b: "}" }.b }`;
function f() {
return /^\s+$/.test(" ");
}
var kind = typeof /re/;
var obj = { x: 1 } , y = 2;
var z = 3;
var ratio = [4][0] / 2;
