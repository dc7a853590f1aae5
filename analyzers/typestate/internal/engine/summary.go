package engine

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// Use is one use a function makes of a handle its caller gives it: the
// handle of the object at its parameter Param (the parameter itself, or the
// structure whose handle field holds it), passed to a DDI before anything
// in the function moves or replaces the object. A caller whose object is
// dead there has the defect at the call. Summaries carry a function's uses
// to the packages that import it (the pass's facts).
type Use struct {
	// Param is the parameter's index (the receiver of a method is 0).
	Param int
	// Kind is the handle's kind.
	Kind rules.HandleKind
	// DDI is the NDIS name of the DDI called, and HandleParam the page name
	// of its parameter that takes the handle.
	DDI, HandleParam string
	// At is the DDI call's position as text (file:line:column).
	At string
}

// summaryCause marks the possibilities a summary's entry gives: a handle
// already invalid when the function is called.
var summaryCause = &Cause{Text: "the caller's invalidation"}

// Summary is what a function does with the handles its parameters give it.
type Summary struct {
	// Uses are its uses of them.
	Uses []Use
	// Keeps is set when the function leaves every object at its
	// parameters as it found it on every path (it moves, replaces and
	// forgets none): a caller keeps what it knows of them.
	Keeps bool
}

// Summary returns the uses fn makes of the handles its parameters give it,
// in its own code and in the helpers of its package it calls, and whether
// it keeps them: the function is analysed with every parameter's object
// dead, of every handle kind, and each use of one that nothing moved first
// is a use.
func (e *Engine) Summary(fn *ssa.Function, fset *token.FileSet) Summary {
	entry := State{}
	for i := range fn.Params {
		for k, lives := range e.m.byKind {
			for _, l := range lives {
				entry.set(key{path: "p" + strconv.Itoa(i), kind: k}, l, []poss{{dead: true, cause: summaryCause}})
			}
		}
	}
	var out []Use
	seen := map[Use]bool{}
	res := e.analyze(fn, entry, nil)
	for _, f := range res.findings {
		if f.Kind != UseAfter || f.Cause != summaryCause {
			continue
		}
		if len(f.key.path) < 2 || f.key.path[0] != 'p' {
			continue
		}
		i, err := strconv.Atoi(f.key.path[1:])
		if err != nil {
			continue
		}
		u := Use{Param: i, Kind: f.key.kind, DDI: f.DDI.Name, HandleParam: f.Param, At: f.AtText}
		if f.At.IsValid() && fset != nil {
			pos := fset.Position(f.At)
			u.At = fmt.Sprintf("%s:%d:%d", filepath.Base(pos.Filename), pos.Line, pos.Column)
		}
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return Summary{Uses: out, Keeps: keeps(entry, res.exit)}
}

// keeps reports whether every object of entry is still as entry has it
// when the function returns.
func keeps(entry, exit State) bool {
	if exit == nil {
		return false
	}
	for k, o := range entry {
		for l := range o {
			ps := exit[k][l]
			if len(ps) != 1 || ps[0].cause != summaryCause || !ps[0].dead || ps[0].state != "" {
				return false
			}
		}
	}
	return true
}

// externalUses reports at a call of a function of another package the uses
// its summary lists of handles that are dead in the caller, and returns
// whether the summary says the callee keeps the objects at its parameters.
func (r *run) externalUses(st State, c *ssa.CallCommon, callee *ssa.Function) bool {
	sum, ok := r.e.external(callee)
	if !ok {
		return false
	}
	for _, u := range sum.Uses {
		if u.Param >= len(c.Args) {
			continue
		}
		d := r.e.api.Cat.DDI(u.DDI)
		k, ok := r.keyOfValue(c.Args[u.Param], u.Kind)
		if d == nil || !ok {
			continue
		}
		for _, l := range r.e.m.byKind[u.Kind] {
			if l.L.Invalid == nil || !l.L.ForbidsUse(d) {
				continue
			}
			for _, q := range st[k][l] {
				if q.dead {
					r.report(Finding{Kind: UseAfter, Life: l.L, Pos: c.Pos(), DDI: d, Param: u.HandleParam, States: []string{q.state},
						Cause: q.cause, Via: []Step{{Pos: c.Pos(), Callee: callee}}, AtText: u.At, key: k})
					break
				}
			}
		}
	}
	return sum.Keeps
}
