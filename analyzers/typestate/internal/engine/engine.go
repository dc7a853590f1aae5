package engine

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// Kind is the kind of a finding.
type Kind int

// The kinds of findings.
const (
	// UseAfter is a handle passed to a DDI (one of its lifetime's Invalid
	// families) in a state an edge that killed the handle led to.
	UseAfter Kind = iota
	// WrongState is a DDI that has edges in the object's lifetime, none of
	// which leaves any state the object may be in.
	WrongState
	// Busy is an edge with Busy taken while an object created with the
	// handle may still be alive.
	Busy
)

// Finding is one defect the engine found in a function.
type Finding struct {
	Kind Kind
	// Life is the lifetime of the object.
	Life *rules.Lifetime
	// Pos is where to report: the DDI call in the function analysed, or
	// the call of the helper that reaches it (Via).
	Pos token.Pos
	// At is the DDI call itself (Pos, or inside the last helper of Via).
	At token.Pos
	// DDI is the DDI called at At.
	DDI *rules.DDI
	// Param is the page name of the handle parameter (UseAfter).
	Param string
	// States are the states the object may be in (WrongState), or the
	// child's state (Busy).
	States []string
	// Cause is the event that put the object in its state, if known.
	Cause *Cause
	// Via are the helper calls from Pos down to the DDI.
	Via []Step
	// Child is the creation of the object that is still alive (Busy), and
	// ChildLife its lifetime.
	Child     *Cause
	ChildLife *rules.Lifetime
	// AtText is At as text, for a DDI in another package (At is then not
	// valid).
	AtText string
	// key is the object's key (UseAfter), for summaries.
	key key
}

// Step is a call of a helper on the way to a finding.
type Step struct {
	// Pos is the call.
	Pos token.Pos
	// Callee is the helper called.
	Callee *ssa.Function
}

// id identifies a finding among a function's findings.
func (f Finding) id() string {
	return fmt.Sprintf("%d|%d|%d|%s|%s", f.Kind, f.Pos, f.At, f.Life.Object, f.Param)
}

// Config is what the engine is given of one package.
type Config struct {
	// API is the runtime bound to the catalogue.
	API *ndisapi.API
	// Pkg is the package in SSA form and Funcs its functions (SrcFuncs).
	Pkg   *ssa.Package
	Funcs []*ssa.Function
	// Roles are the callback roles of its functions.
	Roles map[*ssa.Function][]*rules.Role
	// External returns the summary of a function of another package (its
	// fact), and false when there is none.
	External func(fn *ssa.Function) (Summary, bool)
}

// Engine is the typestate engine of one package.
type Engine struct {
	api   *ndisapi.API
	m     *model
	pkg   *ssa.Package
	roles map[*ssa.Function][]*rules.Role
	// statuses maps a status constant's exact value to its NDIS name.
	statuses map[string]string
	// names caches the SSA values' names.
	names     map[ssa.Value]string
	fieldIDs  map[fieldRef]int
	fieldRefs []fieldRef
	fields    fieldKinds
	memo      map[*ssa.Function]map[string]*result
	busy      map[*ssa.Function]bool
	guards    map[guardID]*guard
	external  func(fn *ssa.Function) (Summary, bool)
}

// result is what one analysis of a function with one entry state gives.
type result struct {
	// exit is what is known when the function returns (nil when no
	// return is reachable).
	exit State
	// parents are the objects' parents (the object a child was created
	// with), by key.
	parents map[key]key
	// findings are the function's findings.
	findings []Finding
}

// New returns the engine of a package.
func New(cfg Config) *Engine {
	e := &Engine{
		api:      cfg.API,
		m:        newModel(cfg.API.Cat),
		pkg:      cfg.Pkg,
		roles:    cfg.Roles,
		statuses: cfg.API.StatusNames(),
		names:    map[ssa.Value]string{},
		fieldIDs: map[fieldRef]int{},
		memo:     map[*ssa.Function]map[string]*result{},
		busy:     map[*ssa.Function]bool{},
		guards:   map[guardID]*guard{},
		external: cfg.External,
	}
	e.learnFields(cfg.Funcs)
	return e
}

// Check returns the findings of fn: for each role fn has, with its objects
// entered as the role's edges say; for a function with no role, from no
// knowledge at all. Findings of helpers that depend on the caller's states
// are reported at the call.
func (e *Engine) Check(fn *ssa.Function) []Finding {
	roles := e.roles[fn]
	if len(roles) == 0 {
		return e.analyze(fn, State{}, nil).findings
	}
	var out []Finding
	seen := map[string]bool{}
	for _, r := range roles {
		entry, alias := e.seed(fn, r)
		for _, f := range e.analyze(fn, entry, alias).findings {
			if !seen[f.id()] {
				seen[f.id()] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// ddiOf returns the catalogue entry of the DDI a call calls, or nil.
func (e *Engine) ddiOf(c *ssa.CallCommon) *rules.DDI {
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok {
		return nil
	}
	return e.api.DDI(fn)
}

// constName returns the NDIS name of a status constant, NULL for nil, or
// "" when v is no constant the catalogue names.
func (e *Engine) constName(v ssa.Value) string {
	k, ok := strip(v).(*ssa.Const)
	if !ok {
		return ""
	}
	if k.Value == nil {
		return "NULL"
	}
	return e.statuses[k.Value.ExactString()]
}
