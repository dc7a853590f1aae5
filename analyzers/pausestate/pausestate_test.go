package pausestate_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/pausestate"
)

func TestPausestate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pausestate.Analyzer, "example.com/t/miniport", "example.com/t/filter", "example.com/t/helpers", "example.com/t/protocol")
}

// TestRelated checks the related positions: the handler or the call that
// entered the state, the call inside a helper, the allocation.
func TestRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), pausestate.Analyzer, "example.com/t/helpers")
	want := map[int][]int{ // line of the report: lines of its related positions
		41: {39, 23, 22}, // filterPause; inside sendKeepAlive; the allocation
		68: {67, 51},     // finishPause's call; inside it
		73: {72, 63},     // NdisMPauseComplete; inside indicate
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
