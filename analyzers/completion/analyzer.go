package completion

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

//go:embed doc.go
var doc string

// Analyzer checks that every request a CoNDIS handler pends is completed
// exactly once, and that one it did not pend is not completed.
var Analyzer = &analysis.Analyzer{
	Name:      rules.PassCompletion,
	Doc:       passdoc.MustExtract(doc, rules.PassCompletion),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/completion",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer, statuses.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(FuncFact), new(PackageFact)},
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	front *ndisfacts.Result
	api   *ndisapi.API
	ssa   *buildssa.SSA
	sts   *statuses.Result
	pairs *pairs
	rep   *suppress.Reporter
	// funcs memoises each function's walk; busy guards recursion.
	funcs map[*ssa.Function]*funcResult
	busy  map[*ssa.Function]bool
	// statusMemo memoises what every return of a helper returns.
	statusMemo map[*ssa.Function]status
	// readMemo memoises what each value reads (nil while it is being
	// read).
	readMemo map[ssa.Value]*reads
	// staticMemo memoises what each status value is on every way (nil
	// while it is being classified).
	staticMemo map[ssa.Value]*staticSt
	// reported keeps one report per rule and position.
	reported map[string]bool
	// pendMemo memoises whether a helper may return NDIS_STATUS_PENDING
	// on some path (callMayPend).
	pendMemo map[*ssa.Function]bool
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed {
		return nil, nil // the package does not use the runtime
	}
	c := &checker{
		pass:       pass,
		front:      front,
		api:        front.API,
		sts:        statuses.Of(pass),
		pairs:      newPairs(front.API),
		rep:        front.Reporter(pass, rules.RuleIDs(rules.PassCompletion)),
		funcs:      map[*ssa.Function]*funcResult{},
		busy:       map[*ssa.Function]bool{},
		statusMemo: map[*ssa.Function]status{},
		readMemo:   map[ssa.Value]*reads{},
		staticMemo: map[ssa.Value]*staticSt{},
		reported:   map[string]bool{},
		pendMemo:   map[*ssa.Function]bool{},
	}
	used := c.exportPackageFact()
	if c.pairs.empty() || front.API.Ndis == nil {
		c.rep.Finish()
		return nil, nil
	}
	c.ssa = front.SSA()
	for _, fn := range c.allFuncs() {
		c.walked(fn) // reports completed-twice and complete-with-pending as it goes
	}
	c.exportFuncFacts()
	hs := c.handlers()
	c.checkHandlers(hs)
	c.checkElsewhere(hs)
	c.checkNeverCompleted(hs, used)
	c.checkForeign()
	c.checkOidStatuses()
	c.rep.Finish()
	return nil, nil
}

// allFuncs returns the package's functions in source order, each followed
// by its function literals, then the literals of package-level initialisers
// (which belong to the synthetic init function).
func (c *checker) allFuncs() []*ssa.Function {
	out := append([]*ssa.Function(nil), c.ssa.SrcFuncs...)
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		for _, a := range f.AnonFuncs {
			out = append(out, a)
			add(a)
		}
	}
	if init := c.ssa.Pkg.Func("init"); init != nil {
		add(init)
	}
	return out
}

// handler is a function of the package bound to a role that may pend.
type handler struct {
	fn   *ssa.Function
	pair *pair
	b    *rolebind.Binding
	// registered is true when the package stores the function as a
	// handler (a slot, a role-typed variable or argument), not only
	// declares its role.
	registered bool
}

// handlers returns the package's handlers of roles that may pend, one per
// function and role, in source order of their first binding.
func (c *checker) handlers() []*handler {
	var out []*handler
	byKey := map[string]*handler{}
	for _, b := range c.front.Roles.Bindings {
		p := c.pairs.byRole[b.Role.Name]
		if p == nil {
			continue
		}
		fn := c.fnOf(b)
		if fn == nil {
			continue
		}
		key := fn.String() + "|" + b.Role.Name
		h := byKey[key]
		if h == nil {
			h = &handler{fn: fn, pair: p, b: b}
			byKey[key] = h
			out = append(out, h)
		}
		h.registered = h.registered || !b.IsDeclaration()
	}
	return out
}

// fnOf returns the SSA function of a role binding with its body in this
// package, or nil.
func (c *checker) fnOf(b *rolebind.Binding) *ssa.Function {
	if b.Lit != nil {
		for _, f := range c.ssa.SrcFuncs {
			if f.Syntax() == b.Lit {
				return f
			}
		}
		if init := c.ssa.Pkg.Func("init"); init != nil {
			return findLit(init, b)
		}
		return nil
	}
	if b.Fn == nil || b.Fn.Pkg() != c.pass.Pkg {
		return nil
	}
	fn := c.ssa.Pkg.Prog.FuncValue(b.Fn.Origin())
	if fn == nil || fn.Blocks == nil {
		return nil
	}
	return fn
}

// findLit finds the function literal of b among f and its anonymous
// functions (literals in package-level initialisers belong to init).
func findLit(f *ssa.Function, b *rolebind.Binding) *ssa.Function {
	if f.Syntax() == b.Lit {
		return f
	}
	for _, a := range f.AnonFuncs {
		if g := findLit(a, b); g != nil {
			return g
		}
	}
	return nil
}

// report reports once per rule and position.
func (c *checker) report(rule string, pos, end token.Pos, related []analysis.RelatedInformation, format string, args ...any) {
	key := rule + "@" + c.pass.Fset.Position(pos).String()
	if c.reported[key] || !pos.IsValid() {
		return
	}
	c.reported[key] = true
	c.rep.Reportf(rule, pos, end, related, format, args...)
}

// callRange returns the range of the call whose parenthesis SSA put at pos.
func (c *checker) callRange(pos token.Pos) (token.Pos, token.Pos) {
	if call := c.front.CallAt(pos); call != nil {
		return call.Pos(), call.End()
	}
	return pos, pos
}

// returnRange returns the range of the return statement at pos (SSA puts a
// return there), or pos alone for an implicit return.
func (c *checker) returnRange(pos token.Pos) (token.Pos, token.Pos) {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		var found ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.End() < pos || n.Pos() > pos {
				return false
			}
			if r, ok := n.(*ast.ReturnStmt); ok && r.Pos() == pos {
				found = r
			}
			return true
		})
		if found != nil {
			return found.Pos(), found.End()
		}
	}
	return pos, pos
}

// local reports whether pos is in the package being analysed.
func (c *checker) local(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// where formats a position as file:line:column.
func (c *checker) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return c.pass.Fset.Position(pos).String()
}

// funcName is how messages name a function: its name, Type.Method for a
// method, "the function literal" for a literal.
func funcName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal"
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}
