// Package inventory defines an Analyzer that lists what a package uses of
// the NDIS contract: whether ndislint's passes analyse it (and why), the
// callback roles its functions have, and the DDIs it calls.
//
// # Analyzer inventory
//
// inventory: list the roles and DDIs a package uses
//
// The inventory analyzer reports nothing. Its result, an *Inventory, is
// what `ndislint -summary` prints per package, and what tells a rule that
// found nothing apart from a rule that never applied: a rule whose Needs
// (rules.Rule) lists DDIs or roles applies where one of those DDIs is
// called or a function has one of those roles, and every other rule
// wherever a package is analysed. A driver with no role found cannot pass
// silently.
package inventory

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
)

// Analyzer computes a package's Inventory. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "inventory",
	Doc:        "list the roles and DDIs a package uses (reports nothing; ndislint -summary prints it)",
	URL:        "https://github.com/ndislint/ndislint/tree/main/analyzers/inventory",
	Run:        run,
	Requires:   []*analysis.Analyzer{ndisfacts.Analyzer},
	ResultType: reflect.TypeOf((*Inventory)(nil)),
}

// Inventory is what a package uses of the NDIS contract.
type Inventory struct {
	// Analysed is true when ndislint's passes analyse the package; Why
	// says why ("imports ndis"), and is empty when it is not analysed.
	Analysed bool
	Why      string
	// Roles are the functions with a callback role, in source order.
	Roles []Role
	// DDIs are the NDIS names of the DDIs the package calls, sorted, each
	// once.
	DDIs []string
}

// Role is a function with a callback role.
type Role struct {
	// Role is the role's NDIS name (PROTOCOL_CL_CLOSE_CALL_COMPLETE) and
	// GoName its Go name (ProtocolClCloseCallComplete).
	Role, GoName string
	// Page is the role's reference page.
	Page string
	// Func is the function's name ("func literal" for a literal), Pos
	// where the role was given.
	Func string
	Pos  token.Pos
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	inv := &Inventory{Analysed: front.Analysed, Why: front.Why}
	if !front.Analysed {
		return inv, nil
	}
	seen := map[string]bool{}
	for _, b := range front.Roles.Bindings {
		name := "func literal"
		if b.Fn != nil {
			name = b.Fn.Name()
		}
		key := b.Role.Name + "\x00" + name
		if seen[key] {
			continue
		}
		seen[key] = true
		inv.Roles = append(inv.Roles, Role{Role: b.Role.Name, GoName: b.Role.GoName, Page: b.Role.Page, Func: name, Pos: b.Pos})
	}
	inv.DDIs = ddis(pass, front)
	return inv, nil
}

// ddis returns the NDIS names of the DDIs the package calls.
func ddis(pass *analysis.Pass, front *ndisfacts.Result) []string {
	set := map[string]bool{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
				if d := front.API.DDI(fn); d != nil {
					set[d.Name] = true
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(set))
	for name := range set {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
