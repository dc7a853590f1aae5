// Package statuses is the one engine that tells which NDIS statuses a
// function may return, at each of its returns, for every pass: the roles
// pass holds them against a role's page (role-bad-status), the vclifetime
// pass asks whether a ProtocolCoDeleteVc may return NDIS_STATUS_PENDING.
//
// Its Analyzer runs once per package (it Requires the ndisfacts front end)
// and follows a status through constants, local variables and phis,
// variables captured and set by closures, helpers (in other packages
// through the Fact it exports for exported functions), and DDIs: a DDI the
// catalogue says pends (DDI.Pends) may return NDIS_STATUS_PENDING. Status
// names are the runtime's constants bound by ndisapi (the value of
// ndis.StatusNotSupported is NDIS_STATUS_NOT_SUPPORTED).
//
// Only what is known is listed: a status that comes from a parameter, a
// field, an interface or function-value call or arithmetic adds nothing, so
// no report can come from what the analysis cannot tell.
//
// A pass that uses it lists Analyzer in its Requires and calls Of:
//
//	sts := statuses.Of(pass)
//	for _, ret := range sts.MayReturn(fn, rules.StatusPending) {
//		// ret.Pos is the return here (NoPos in another package),
//		// ret.At describes it, ret.Via says where the status comes from.
//	}
package statuses

import (
	"go/token"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
)

// Analyzer computes the statuses each function of a package may return. Its
// result is a *Result; it reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "statuses",
	Doc:        "ndislint's status engine: which NDIS statuses each function may return, at which returns",
	URL:        "https://github.com/ndislint/ndislint/tree/main/analyzers/internal/statuses",
	Requires:   []*analysis.Analyzer{ndisfacts.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{new(Fact)},
}

// Of returns the engine's result in pass, whose analyzer lists Analyzer in
// its Requires.
func Of(pass *analysis.Pass) *Result {
	return pass.ResultOf[Analyzer].(*Result)
}

// Value is one status a return may carry.
type Value struct {
	// Exact is the constant's exact value ("259" for NDIS_STATUS_PENDING).
	Exact string
	// Name is the status's NDIS name (NDIS_STATUS_PENDING), or "" for a
	// value no runtime constant has.
	Name string
	// Via names where it comes from when it is not a constant of the
	// function itself: a helper ("helper newVc") or a DDI ("NdisClCloseCall").
	Via string
	// Pos is the call that brings it, when Via is set and the call is in
	// the package being analysed.
	Pos token.Pos
}

// Site is one return of a function and the statuses it may return, for the
// result at Index.
type Site struct {
	// Pos is the return statement (the closing brace for an implicit one)
	// in the package being analysed; NoPos for a function of another
	// package, whose returns are known from its Fact.
	Pos token.Pos
	// At is the return's position as text (file:line:column), also for a
	// return in another package.
	At    string
	Index int
	Vals  []Value
}

// Return is one return of a function that may carry a given status.
type Return struct {
	// Pos is the return statement in the package being analysed, or NoPos
	// for a return in another package.
	Pos token.Pos
	// At is the return's position as text (file:line:column).
	At string
	// Via and ViaPos say where the status comes from, as Value's Via and
	// Pos do ("" for a constant of the function itself).
	Via    string
	ViaPos token.Pos
}

// Result answers which statuses the functions of one package, and the
// exported functions of the packages it imports, may return. Its methods
// may be called from several passes at once.
type Result struct {
	pass  *analysis.Pass
	api   *ndisapi.API
	names map[string]string // exact value -> NDIS name

	mu   sync.Mutex
	memo map[*ssa.Function]*funcSets
	busy map[*ssa.Function]bool
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	res := &Result{pass: pass, memo: map[*ssa.Function]*funcSets{}, busy: map[*ssa.Function]bool{}}
	if !front.Analysed || front.API.StatusType() == nil {
		return res, nil // no NDIS_STATUS in sight
	}
	res.api = front.API
	res.names = front.API.StatusNames()
	if exportsStatus(pass, res.api) {
		res.export(front.SSA().SrcFuncs)
	}
	return res, nil
}

// Sites returns the returns of fn with the statuses each may return: for a
// function of this package from its body, for an exported function of
// another package from its Fact.
func (r *Result) Sites(fn *ssa.Function) []Site {
	if r == nil || r.api == nil || fn == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.of(fn).sites
}

// MayReturn returns the returns of fn that may carry the status called
// name (rules.StatusPending), in source order; none when fn never does or
// the analysis cannot tell.
func (r *Result) MayReturn(fn *ssa.Function, name string) []Return {
	var out []Return
	for _, s := range r.Sites(fn) {
		for _, v := range s.Vals {
			if v.Name == name {
				out = append(out, Return{Pos: s.Pos, At: s.At, Via: v.Via, ViaPos: v.Pos})
				break
			}
		}
	}
	return out
}

// Name returns the NDIS name of a status value ("259":
// NDIS_STATUS_PENDING), or "".
func (r *Result) Name(exact string) string {
	if r == nil {
		return ""
	}
	return r.names[exact]
}
