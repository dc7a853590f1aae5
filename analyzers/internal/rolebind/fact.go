package rolebind

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Fact records the roles of a function declared in an analysed package, so
// that packages importing it see them: the roles it is declared for (a
// //ndis:role directive or a role-typed declaration, var _ ndis.ProtocolX =
// f) and the roles its own package uses it in (handler slots, role-typed
// parameters and variables). Role names are the NDIS typedefs, sorted.
type Fact struct {
	Declared []string
	Used     []string
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Fact) String() string {
	var parts []string
	if len(f.Declared) > 0 {
		parts = append(parts, "declared "+strings.Join(f.Declared, ","))
	}
	if len(f.Used) > 0 {
		parts = append(parts, "used "+strings.Join(f.Used, ","))
	}
	return "roles{" + strings.Join(parts, "; ") + "}"
}

// IsDeclaration reports whether b declares its function's role (a
// directive, or a var declaration with an explicit role type), as opposed
// to using the function in a role (a slot, an argument, a conversion, an
// assignment).
func (b *Binding) IsDeclaration() bool {
	return b.Via == "directive" || b.Form == "var"
}

// ExportFacts exports a Fact for every exported function or method declared
// in the package that has a binding in res. Pass the analyzer's FactTypes a
// new(rolebind.Fact) to use it.
func ExportFacts(pass *analysis.Pass, res *Result) {
	facts := map[*types.Func]*Fact{}
	var order []*types.Func
	for _, b := range res.Bindings {
		if b.Fn == nil || b.Fn.Pkg() != pass.Pkg || !b.Fn.Exported() {
			continue // other packages can name only exported functions
		}
		f := facts[b.Fn]
		if f == nil {
			f = &Fact{}
			facts[b.Fn] = f
			order = append(order, b.Fn)
		}
		if b.IsDeclaration() {
			f.Declared = addSorted(f.Declared, b.Role.Name)
		} else {
			f.Used = addSorted(f.Used, b.Role.Name)
		}
	}
	for _, fn := range order {
		pass.ExportObjectFact(fn, facts[fn])
	}
}

// ImportFact returns the Fact of a function from another package, or nil.
func ImportFact(pass *analysis.Pass, fn *types.Func) *Fact {
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
		return nil
	}
	var f Fact
	if !pass.ImportObjectFact(fn.Origin(), &f) {
		return nil
	}
	return &f
}

// addSorted inserts s into the sorted set xs.
func addSorted(xs []string, s string) []string {
	i := sort.SearchStrings(xs, s)
	if i < len(xs) && xs[i] == s {
		return xs
	}
	xs = append(xs, "")
	copy(xs[i+1:], xs[i:])
	xs[i] = s
	return xs
}
