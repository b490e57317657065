// The structure of a 3GPP change request (CR) as the seeds and real CRs come: one line per paragraph
// (a plain-text CR as written, a .docx CR as DocxReader flattens it), classified as a change marker,
// a clause heading, a numbered step, a bullet, a NOTE, an Editor's Note or running text; references
// (TS 33.210 [36], RFC 4306, [x]) are tokens of their own inside any line.
//
// This is a grammar of document *structure*, not of language: it never decides what a sentence
// means. Sentences are split in Java (CrParser), normative keywords found there (StatementInventory).
//
// Sources of the conventions: 3GPP TR 21.801 (Specification drafting rules) for clause numbering,
// NOTEs and Editor's Notes. How a CR's body delimits its changes is practice, not a standard form
// (3GPP TR 21.900 governs the CR procedure and cover sheet): the five seeds in examples/cr/ show six
// variants of markers, which the rule changeMarker accepts.
grammar CrStructure;

document
    : line (NL line)* EOF
    ;

// ANTLR resolves an ambiguous line to the first alternative that matches the whole line: a line
// that is a change marker is never running text, a heading never a step.
line
    : bookmark* changeMarker                  # markerLine
    | bookmark* heading                       # headingLine
    | bookmark* stepLabel (sep content)?      # stepLine
    | bookmark* editorsNote sep? content?     # editorsNoteLine
    | bookmark* note sep? content?            # noteLine
    | bookmark* bullet sep content           # bulletLine
    | bookmark* content                       # textLine
    | bookmark* ws?                           # blankLine
    ;

bookmark
    : BOOKMARK ws?
    ;

// "*** Begin Changes ***", "* * * First Change * * * *", "*** End of Changes ***", "***" alone on
// the lines around "BEGIN CHANGES", "start of change", "end changes"
changeMarker
    : ws? stars (ws? markerWords)? ws? stars? ws?
    | ws? markerWords ws? stars? ws?
    ;

stars
    : STAR (ws? STAR)*
    ;

markerWords
    : boundary ws? (OF ws?)? (ordinal ws?)? changeWord
    | ordinal ws? changeWord
    | changeWord ws? (boundary | ordinal)
    ;

boundary
    : BEGIN | START | END
    ;

ordinal
    : FIRST | SECOND | THIRD | NEXT | ORDINAL_WORD | NUMBER
    ;

changeWord
    : CHANGE
    ;

// "16.2.2<TAB>Title", "16. 5<TAB>Title", "5.x.1" alone (its title on the next line), "16<TAB>Title"
heading
    : ws? clauseNumber ws? (TAB ws? content)?
    | ws? simpleNumber TAB ws? content
    | ws? clauseNumber WS content
    ;

// after a dot, a space only before a number ("16. 5" in seed 001), so that "1. The UE" stays a step
clauseNumber
    : clausePart (DOT (clausePart | ws NUMBER))+
    ;

clausePart
    : NUMBER | WORD
    ;

simpleNumber
    : NUMBER
    ;

// "1.", "1a.", "1)", "Step 2", "Step 2a:"
stepLabel
    : ws? NUMBER WORD? (DOT | RPAREN)
    | ws? STEP ws? NUMBER WORD? (DOT | COLON)?
    ;

bullet
    : ws? (DASH | BULLET_SIGN | STAR)
    ;

// "NOTE:", "NOTE 1:", "Note:"
note
    : ws? NOTE (ws? NUMBER)? ws? COLON
    ;

// "Editor's Note:", "Editor’s note:"
editorsNote
    : ws? EDITORS ws? NOTE (ws? NUMBER)? ws? COLON
    ;

sep
    : (WS | TAB)+
    ;

ws
    : (WS | TAB)+
    ;

// running text: words, numbers, punctuation and references, in any order
content
    : item+
    ;

item
    : reference
    | WORD | NUMBER | DOT | COLON | RPAREN | LPAREN | DASH | STAR | BULLET_SIGN | PUNCT | WS | TAB
    | BEGIN | START | END | OF | CHANGE | FIRST | SECOND | THIRD | NEXT | ORDINAL_WORD | STEP | NOTE | EDITORS
    | BOOKMARK | CITE
    ;

reference
    : SPEC_REF | RFC_REF
    ;

// ---------------------------------------------------------------- tokens

BOOKMARK : '[bookmark:' ~[\]\r\n]* ']' ;

// TS 33.210 [36], 3GPP TS 24.301 [19], TR 33.899
SPEC_REF : ('3GPP' [ \t]+)? ('TS' | 'TR') [ \t\u00A0]+ [0-9]+ '.' [0-9]+ ([ \t\u00A0]* '[' ~[\]\r\n]+ ']')? ;
// RFC 4306, IETF RFC 4306 [9], and the seed's "IETF 4306 [9]"
RFC_REF  : (('IETF' [ \t\u00A0]+)? 'RFC' | 'IETF') [ \t\u00A0]* [0-9]+ ([ \t\u00A0]* '[' ~[\]\r\n]+ ']')? ;
// a bare citation: [36], [x]
CITE     : '[' [0-9a-zA-Z]+ ']' ;

BEGIN    : [Bb] [Ee] [Gg] [Ii] [Nn] ;
START    : [Ss] [Tt] [Aa] [Rr] [Tt] ;
END      : [Ee] [Nn] [Dd] ;
OF       : [Oo] [Ff] ;
CHANGE   : [Cc] [Hh] [Aa] [Nn] [Gg] [Ee] [Ss]? ;
FIRST    : [Ff] [Ii] [Rr] [Ss] [Tt] ;
SECOND   : [Ss] [Ee] [Cc] [Oo] [Nn] [Dd] ;
THIRD    : [Tt] [Hh] [Ii] [Rr] [Dd] ;
NEXT     : [Nn] [Ee] [Xx] [Tt] ;
ORDINAL_WORD : [Ff] [Oo] [Uu] [Rr] [Tt] [Hh] | [Ff] [Ii] [Ff] [Tt] [Hh] | [Ss] [Ii] [Xx] [Tt] [Hh] | [Ll] [Aa] [Ss] [Tt] ;
STEP     : [Ss] [Tt] [Ee] [Pp] ;
NOTE     : [Nn] [Oo] [Tt] [Ee] ;
EDITORS  : [Ee] [Dd] [Ii] [Tt] [Oo] [Rr] ('\'' | '\u2019' | '`') [Ss] ;

NUMBER   : [0-9]+ ;
// a word: letters, digits, hyphens and apostrophes inside (LWIP-SeGW, S-KeNB, UE's)
WORD     : LETTER (LETTER | [0-9] | '-' | '_' | '\'' | '\u2019')* ;
fragment LETTER : [a-zA-Z\u00C0-\u024F] ;

DOT      : '.' ;
COLON    : ':' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
DASH     : '-' | '\u2013' | '\u2014' ;
STAR     : '*' ;
BULLET_SIGN : '\u2022' | '\u25AA' | '\u25CF' | '\u00B7' ;
TAB      : '\t' ;
WS       : [ \u00A0\u2002\u2003\u2009\f]+ ;
NL       : '\r'? '\n' ;
// anything else is punctuation of running text (commas, quotes, brackets, symbols)
PUNCT    : . ;
