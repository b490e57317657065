/**
 * Text shall writes for people and programs to read — terminals, JSON, SARIF, HTML, SVG — with
 * what would deceive or break them escaped ({@link dev.shall.checker.text.Escaping}). A leaf: the
 * trace format and the reports both write through it, so it depends on neither.
 */
package dev.shall.checker.text;
