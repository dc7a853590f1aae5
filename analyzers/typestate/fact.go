package typestate

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/typestate/internal/engine"
)

// Fact is what an exported function of an analysed package does with the
// handles its parameters give it, for the packages that call it: the uses
// of a handle, at a parameter or in the handle field of the structure it
// points to, that nothing in the function moves or replaces first (a caller
// whose object is dead there is reported at the call), and whether it keeps
// those objects as they were (a caller then keeps what it knows of them).
type Fact struct {
	Uses []engine.Use
	// Keeps is set when the function moves, replaces and forgets none of
	// the objects at its parameters.
	Keeps bool
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Fact) String() string {
	var parts []string
	for _, u := range f.Uses {
		parts = append(parts, fmt.Sprintf("p%d %s %s(%s)", u.Param, u.Kind, u.DDI, u.HandleParam))
	}
	s := "uses(" + strings.Join(parts, "; ") + ")"
	if f.Keeps {
		s += " keeps"
	}
	return s
}

// exportFacts exports the summary of each exported function and method of
// the package that uses its parameters' handles or keeps their objects.
func exportFacts(pass *analysis.Pass, eng *engine.Engine, pkg *buildssa.SSA) {
	for _, fn := range pkg.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Parent() != nil {
			continue
		}
		if sum := eng.Summary(fn, pass.Fset); len(sum.Uses) > 0 || sum.Keeps {
			pass.ExportObjectFact(obj, &Fact{Uses: sum.Uses, Keeps: sum.Keeps})
		}
	}
}

// importFacts returns the engine's view of the facts of other packages'
// functions.
func importFacts(pass *analysis.Pass) func(fn *ssa.Function) (engine.Summary, bool) {
	return func(fn *ssa.Function) (engine.Summary, bool) {
		obj, ok := fn.Object().(*types.Func)
		if !ok {
			return engine.Summary{}, false
		}
		var f Fact
		if obj.Pkg() == nil || obj.Pkg() == pass.Pkg || !pass.ImportObjectFact(obj.Origin(), &f) {
			return engine.Summary{}, false
		}
		return engine.Summary{Uses: f.Uses, Keeps: f.Keeps}, true
	}
}
