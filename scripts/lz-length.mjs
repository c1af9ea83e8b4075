// Reads a JSON document on stdin and prints the length of lz-string's
// compressToEncodedURIComponent of it (the TypeScript playground's share
// codec), for `make bench` to compare with dnsplay's share links.
// The text is compressed as given (minus a trailing newline): pipe the same
// compact JSON dnsplay's links carry.
import LZString from "lz-string";

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;
text = text.replace(/\n$/, "");
JSON.parse(text); // refuse anything that is not JSON
console.log(LZString.compressToEncodedURIComponent(text).length);
