package fuzzcheck

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/suite"
)

// FuzzPasses runs every ndislint pass on mutated example drivers: a
// panic in a pass, an error it returns, a fact gob cannot encode or a
// diagnostic outside the file fails the input. Inputs that do not parse
// or do not type-check are fine (the passes skip ill-typed packages).
func FuzzPasses(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s.src)
	}
	e := testEnv(f)
	analyzers := suite.Passes()
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := e.Check(src, analyzers); err != nil {
			t.Fatal(err)
		}
	})
}
