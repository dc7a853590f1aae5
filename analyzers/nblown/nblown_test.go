package nblown_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/nblown"
)

func TestNblown(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nblown.Analyzer,
		"example.com/t/send", "example.com/t/receive", "example.com/t/filter", "example.com/t/helpers", "example.com/t/helperlib", "example.com/t/crosspkg", "example.com/t/places")
}

// TestRelated checks the related positions: the handoff call, and for a
// helper of the package the call inside it that hands the list off.
func TestRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), nblown.Analyzer, "example.com/t/helpers")
	want := map[int][]int{ // line of the report: lines of its related positions
		37: {36, 12},
		42: {41, 20},
	}
	seen := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			line := r.Pass.Fset.Position(d.Pos).Line
			lines, ok := want[line]
			if !ok {
				continue
			}
			seen++
			var got []int
			for _, rel := range d.Related {
				got = append(got, r.Pass.Fset.Position(rel.Pos).Line)
			}
			if fmt.Sprint(got) != fmt.Sprint(lines) {
				t.Errorf("line %d: related at lines %v, want %v", line, got, lines)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d reports checked were found", seen, len(want))
	}
}
