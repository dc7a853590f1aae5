package irql

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// entryInfo is what is known about a function before its body is read:
// the roles it is registered for, its contract, its pageable mark.
type entryInfo struct {
	// knownMax and knownMin: the entry IRQL is bounded above (below) by a
	// role or a contract, so a call beyond the bound is reported in the
	// function itself.
	knownMax, knownMin bool
	lo, hi             level
	// why explains the bound for messages (the role, or the contract).
	why cause
	// role names the roles, "" when there is none.
	role     string
	roleLo   level
	roleHi   level
	hasRole  bool
	contract *irqlsum.Contract
	// contractPos is the //ndis:irql directive.
	contractPos, contractEnd token.Pos
	pageable                 bool
	pageablePos, pageableEnd token.Pos
	// params maps parameter (and receiver) names to SSA parameter indexes.
	params map[string]int
	decl   *ast.FuncDecl
	// flags are the role's dispatch-level flags parameters
	// (rules.Param.IrqlFlag), by SSA parameter index: a branch on the flag
	// tells the IRQL NDIS called the function at. Only the flags every
	// role of the function agrees on are kept.
	flags map[int]*rules.FlagCond
}

// entry returns fn's entry information, creating an empty one.
func (c *checker) entry(fn *ssa.Function) *entryInfo {
	e := c.entries[fn]
	if e == nil {
		e = &entryInfo{lo: 0, hi: rules.HighLevel}
		c.entries[fn] = e
	}
	return e
}

// readDirectives reads //ndis:irql and //ndis:pageable on the package's
// function declarations and reports those that cannot be honoured.
func (c *checker) readDirectives() {
	for _, file := range c.pass.Files {
		ds := c.front.Directives[file]
		used := map[token.Pos]bool{}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			mine := rolebind.DocDirectives(ds, fd)
			for _, d := range mine {
				used[d.Pos] = true
			}
			c.funcDirectives(fd, mine)
		}
		for _, d := range ds {
			if (d.Key() == "ndis:irql" || d.Key() == "ndis:pageable") && !used[d.Pos] {
				c.findings = append(c.findings, finding{rule: rules.RuleIrqlDirectiveInvalid, pos: d.Pos, end: d.End,
					msg: fmt.Sprintf("//%s applies to nothing: put it in the doc comment of a function declaration", d.Key())})
			}
		}
	}
}

// funcDirectives records the contract and pageable mark of one function.
func (c *checker) funcDirectives(fd *ast.FuncDecl, ds []directive.Directive) {
	obj, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if obj == nil {
		return
	}
	fn := c.ssa.Pkg.Prog.FuncValue(obj)
	if fn == nil {
		return
	}
	var args []string
	var first *directive.Directive
	for i, d := range ds {
		switch d.Key() {
		case "ndis:irql":
			args = append(args, d.Args)
			if first == nil {
				first = &ds[i]
			}
		case "ndis:pageable":
			e := c.entry(fn)
			e.pageable, e.pageablePos, e.pageableEnd = true, d.Pos, d.End
		}
	}
	e := c.entry(fn)
	e.decl = fd
	e.params = paramIndexes(fd)
	if first == nil {
		return
	}
	ct, problems := irqlsum.ParseContract(strings.Join(args, " "))
	problems = append(problems, c.checkParamNames(e, ct)...)
	for _, p := range problems {
		c.findings = append(c.findings, finding{rule: rules.RuleIrqlDirectiveInvalid, pos: first.Pos, end: first.End,
			msg: fmt.Sprintf("invalid //ndis:irql on %s: %s", fd.Name.Name, p)})
	}
	if len(problems) > 0 {
		return // an unreadable contract is not trusted
	}
	e.contract = &ct
	e.contractPos, e.contractEnd = first.Pos, first.End
}

// checkParamNames checks that saves= and restores= name parameters.
func (c *checker) checkParamNames(e *entryInfo, ct irqlsum.Contract) []string {
	var ps []string
	for key, name := range map[string]string{"saves": ct.Saves, "restores": ct.Restores} {
		if name == "" {
			continue
		}
		if _, ok := e.params[name]; !ok {
			ps = append(ps, fmt.Sprintf("%s=%s names no parameter of the function", key, name))
		}
	}
	if len(ps) == 2 && ps[0] > ps[1] {
		ps[0], ps[1] = ps[1], ps[0]
	}
	return ps
}

// paramIndexes maps the receiver and parameter names of fd to their SSA
// parameter indexes (the receiver is first).
func paramIndexes(fd *ast.FuncDecl) map[string]int {
	m := map[string]int{}
	i := 0
	add := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			if len(f.Names) == 0 {
				i++
				continue
			}
			for _, n := range f.Names {
				if n.Name != "_" {
					m[n.Name] = i
				}
				i++
			}
		}
	}
	add(fd.Recv)
	add(fd.Type.Params)
	return m
}

// readRoles binds each registered function to the IRQL its roles are
// called at, and checks contracts and pageable marks against the roles.
func (c *checker) readRoles() {
	res := c.front.Roles
	for _, b := range res.Bindings {
		fn := c.fnOfBinding(b)
		if fn == nil {
			continue
		}
		lo, hi, ok := roleRange(b.Role)
		if !ok {
			continue
		}
		e := c.entry(fn)
		flags := roleFlags(fn, b.Role)
		if !e.hasRole {
			e.flags = flags
		} else {
			for i, f := range e.flags {
				if g := flags[i]; g == nil || *g != *f {
					delete(e.flags, i)
				}
			}
		}
		if !e.hasRole || hi > e.roleHi {
			e.why = cause{pos: b.Pos, text: fmt.Sprintf("%s runs as %s, which NDIS calls at %s", c.qual(fn), b.Role.Callback, roleIrqlText(b.Role)), kind: boundEntry}
			e.role = b.Role.Callback
		}
		if !e.hasRole {
			e.roleLo, e.roleHi, e.hasRole = lo, hi, true
		} else {
			e.roleLo, e.roleHi = min(e.roleLo, lo), max(e.roleHi, hi)
		}
	}
	for _, fn := range c.entryFuncs() {
		c.settle(fn, c.entries[fn])
	}
}

// roleFlags returns the dispatch-level flags parameters of role r
// (rules.Param.IrqlFlag) by fn's SSA parameter index (after a receiver), or
// nil.
func roleFlags(fn *ssa.Function, r *rules.Role) map[int]*rules.FlagCond {
	off := len(fn.Params) - len(r.Params)
	if off < 0 {
		return nil
	}
	var out map[int]*rules.FlagCond
	for i, p := range r.Params {
		if p.IrqlFlag == nil {
			continue
		}
		if out == nil {
			out = map[int]*rules.FlagCond{}
		}
		out[off+i] = p.IrqlFlag
	}
	return out
}

// entryFuncs returns the functions with entry information, sorted by name
// (not by position, whose order across files depends on parsing), so that
// what is found about them comes in the same order on every run.
// Each name is spelled once, not at every comparison.
func (c *checker) entryFuncs() []*ssa.Function {
	type named struct {
		name string
		fn   *ssa.Function
	}
	ns := make([]named, 0, len(c.entries))
	for fn := range c.entries {
		ns = append(ns, named{fn.String(), fn})
	}
	slices.SortFunc(ns, func(a, b named) int { return strings.Compare(a.name, b.name) })
	fns := make([]*ssa.Function, len(ns))
	for i, n := range ns {
		fns[i] = n.fn
	}
	return fns
}

// settle fixes the entry range of a function from its roles and contract.
func (c *checker) settle(fn *ssa.Function, e *entryInfo) {
	switch {
	case e.hasRole:
		e.knownMax, e.knownMin, e.lo, e.hi = true, true, e.roleLo, e.roleHi
		c.roleVsContract(fn, e)
		if e.pageable && e.roleHi >= rules.DispatchLevel {
			c.findings = append(c.findings, finding{rule: rules.RuleIrqlPageableAtDispatch, pos: e.pageablePos, end: e.pageableEnd,
				msg:     fmt.Sprintf("%s is marked //ndis:pageable but may run at %s: %s", fnName(fn), rules.LevelName(e.roleHi), e.why.text),
				related: related(e.why.pos, "registered for the role here")})
		}
	case e.contract != nil:
		ct := e.contract
		e.knownMax, e.knownMin = ct.BoundsMax(), ct.BoundsMin()
		e.lo, e.hi = ct.EntryMin(), ct.EntryMax()
		e.why = cause{pos: e.contractPos, text: fmt.Sprintf("its //ndis:irql %s contract lets callers call it at %s", e.contract, rangeText(e.lo, e.hi)), kind: boundEntry}
	}
	if ct := e.contract; ct != nil && e.pageable && ct.EntryMin() >= rules.DispatchLevel {
		c.findings = append(c.findings, finding{rule: rules.RuleIrqlContradiction, pos: e.contractPos, end: e.contractEnd,
			msg:     fmt.Sprintf("%s is marked //ndis:pageable, but its //ndis:irql %s contract says it runs at >= %s", fnName(fn), ct, rules.LevelName(ct.EntryMin())),
			related: related(e.pageablePos, "marked pageable here")})
	}
}

// roleVsContract reports a contract that the role's IRQL contradicts.
func (c *checker) roleVsContract(fn *ssa.Function, e *entryInfo) {
	ct := e.contract
	if ct == nil {
		return
	}
	if hi := ct.EntryMax(); hi < e.roleHi {
		c.findings = append(c.findings, finding{rule: rules.RuleIrqlContradiction, pos: e.contractPos, end: e.contractEnd,
			msg:     fmt.Sprintf("//ndis:irql %s on %s contradicts its role: %s", ct, fnName(fn), e.why.text),
			related: related(e.why.pos, "registered for the role here")})
		return
	}
	if lo := ct.EntryMin(); lo > e.roleLo {
		c.findings = append(c.findings, finding{rule: rules.RuleIrqlContradiction, pos: e.contractPos, end: e.contractEnd,
			msg:     fmt.Sprintf("//ndis:irql %s on %s contradicts its role: %s", ct, fnName(fn), e.why.text),
			related: related(e.why.pos, "registered for the role here")})
	}
}

// fnOfBinding returns the SSA function of a role binding.
func (c *checker) fnOfBinding(b *rolebind.Binding) *ssa.Function {
	if b.Lit != nil {
		if c.lits == nil {
			c.lits = map[*ast.FuncLit]*ssa.Function{}
			for _, f := range c.ssa.SrcFuncs {
				if lit, ok := f.Syntax().(*ast.FuncLit); ok {
					if _, seen := c.lits[lit]; !seen {
						c.lits[lit] = f
					}
				}
			}
		}
		return c.lits[b.Lit]
	}
	if b.Fn == nil {
		return nil
	}
	return c.ssa.Pkg.Prog.FuncValue(b.Fn)
}

// checkForeignBindings checks functions of other packages registered here
// for a role against their summaries: a handler in a helper package that
// sleeps is reported where it is registered for a DISPATCH_LEVEL role.
func (c *checker) checkForeignBindings() {
	for _, fn := range c.entryFuncs() {
		e := c.entries[fn]
		if !e.hasRole || fn.Blocks != nil {
			continue
		}
		s := c.summaryOf(fn)
		pos := e.why.pos
		end := pos
		if s.Max != nil && e.roleHi > s.Max.Level {
			c.findings = append(c.findings, finding{rule: s.Max.Rule, pos: pos, end: end,
				msg: fmt.Sprintf("%s may run at %s: %s; but %s", c.qual(fn), rules.LevelName(e.roleHi), e.why.text, c.reqText(fn, s.Max))})
		}
		if s.Min != nil && e.roleLo < s.Min.Level {
			c.findings = append(c.findings, finding{rule: s.Min.Rule, pos: pos, end: end,
				msg: fmt.Sprintf("%s may run at %s: %s; but %s", c.qual(fn), rules.LevelName(e.roleLo), e.why.text, c.reqText(fn, s.Min))})
		}
	}
}

// roleRange is the range of IRQLs NDIS calls a role at.
func roleRange(r *rules.Role) (lo, hi level, ok bool) {
	bottom, top, known := irqlsum.LevelBounds(r.Irql.Level)
	switch r.Irql.Kind {
	case rules.IrqlMax:
		return rules.PassiveLevel, top, known
	case rules.IrqlExact:
		return bottom, top, known
	case rules.IrqlMin:
		return bottom, rules.HighLevel, known
	}
	return 0, 0, false
}

// roleIrqlText spells a role's IRQL ("<= DISPATCH_LEVEL").
func roleIrqlText(r *rules.Role) string {
	switch r.Irql.Kind {
	case rules.IrqlMax:
		return "<= " + r.Irql.Level
	case rules.IrqlMin:
		return ">= " + r.Irql.Level
	}
	return r.Irql.Level
}

// rangeText spells a range of levels.
func rangeText(lo, hi level) string {
	switch {
	case lo == hi:
		return rules.LevelName(lo)
	case lo == 0:
		return "<= " + rules.LevelName(hi)
	case hi == rules.HighLevel:
		return ">= " + rules.LevelName(lo)
	}
	return rules.LevelName(lo) + " to " + rules.LevelName(hi)
}

// fnName names a function for messages: its name, or its enclosing
// function's for a literal ("clBind's func literal").
func fnName(fn *ssa.Function) string {
	if p := fn.Parent(); p != nil {
		return fnName(p) + "'s func literal"
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
			return recvName(sig.Recv().Type()) + "." + obj.Name()
		}
		return obj.Name()
	}
	return fn.Name()
}

// qual names fn for messages in this package: qualified by its package's
// name when it is another package's.
func (c *checker) qual(fn *ssa.Function) string {
	if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg {
		return obj.Pkg().Name() + "." + fnName(fn)
	}
	return fnName(fn)
}

// recvName names a receiver type without its package (*client).
func recvName(t types.Type) string {
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return "(" + star + n.Obj().Name() + ")"
	}
	return types.TypeString(t, nil)
}

// related makes a one-element related-information list, or nil for an
// invalid position.
func related(pos token.Pos, msg string) []analysis.RelatedInformation {
	if !pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: pos, End: pos, Message: msg}}
}
