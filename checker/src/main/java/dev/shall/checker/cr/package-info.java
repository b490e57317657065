/**
 * From the change request to the model: the pipeline stage that reads a CR (plain text as the seeds
 * come, or .docx with tracked changes), parses its structure with the ANTLR 4 grammar
 * {@code CrStructure.g4} (change markers, clause headings, numbered steps, bullets, NOTEs, Editor's
 * Notes, references), and lists its statements with stable ids ({@code 16.2.2/s3}, ADR 0016): the
 * statement inventory. From the inventory it writes a skeleton {@code .shall}, and against a
 * compiled procedure's {@code covers} and {@code out of scope} it computes coverage.
 *
 * <p>Flow: {@link dev.shall.checker.cr.CrReader} (file → {@link dev.shall.checker.cr.Paragraph}s) →
 * {@link dev.shall.checker.cr.CrStructureReader} (paragraphs → {@link dev.shall.checker.cr.CrDocument}
 * blocks, by the grammar) → {@link dev.shall.checker.cr.StatementInventory} (blocks → statements) →
 * {@link dev.shall.checker.cr.Skeleton} / {@link dev.shall.checker.cr.Coverage} /
 * {@link dev.shall.checker.cr.CrDiff}.
 */
package dev.shall.checker.cr;
