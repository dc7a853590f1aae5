// Package generate builds rules/catalogue.json from the NDIS reference pages
// (../shared/ddi), prototypes.tsv and the hand-written rules/overlay.json.
//
// It is the library behind `go generate ./rules` (rules/internal/gen) and the
// determinism test in package rules. Output is indented, sorted JSON: the
// same inputs always give the same bytes.
package generate
