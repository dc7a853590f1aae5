package vclifetime

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// provFact is a package's knowledge of VC handle fields, exported so that
// packages importing it (helpers, the driver's main package) share it. A
// sorted slice, so that the encoding is deterministic.
type provFact struct{ Fields []FieldProv }

// AFact marks provFact as an analysis fact.
func (*provFact) AFact() {}

// String lists the fields and their creators, for fact expectations.
func (f *provFact) String() string {
	var parts []string
	for _, fp := range f.Fields {
		var who []string
		if fp.Creators&ByCM != 0 {
			who = append(who, "cm")
		}
		if fp.Creators&ByClient != 0 {
			who = append(who, "client")
		}
		parts = append(parts, fp.Key+"="+strings.Join(who, "+"))
	}
	return "vcfields{" + strings.Join(parts, " ") + "}"
}

// provenance collects the handle fields of this package and of the packages
// it imports, and exports this package's.
func (c *checker) provenance() map[string]*FieldProv {
	p := &provenance{byKey: map[string]*FieldProv{}, sites: map[string]bool{}, fset: c.pass.Fset, where: c.where}
	if c.m.cm != nil {
		c.localProvenance(p)
	}
	if len(p.byKey) > 0 {
		f := &provFact{}
		for _, k := range sortedProvKeys(p.byKey) {
			fp := *p.byKey[k]
			fp.CMPos, fp.ClientPos = token.NoPos, token.NoPos
			f.Fields = append(f.Fields, fp)
		}
		c.pass.ExportPackageFact(f)
	}
	local := map[string]bool{}
	for k := range p.byKey {
		local[k] = true
	}
	for _, f := range c.importedProvFacts() {
		for _, fp := range f.Fields {
			if !local[fp.Key] {
				p.merge(fp)
			}
		}
	}
	return p.byKey
}

// localProvenance records the handle fields this package's code fills: in
// the roles that create a CM VC (their handle parameter), and with the DDIs
// that create a client VC (their handle out-parameter).
func (c *checker) localProvenance(p *provenance) {
	for _, b := range c.roles.Bindings {
		if isRole(b.Role, c.m.cmCreate...) && b.Side != rolebind.SideCallManager {
			if fn := c.fnOf(b); fn != nil && fn.Blocks != nil {
				p.fromCreateVc(fn, b.Role, c.m.cm.Handle)
			}
		}
	}
	for _, fn := range c.ssa.SrcFuncs {
		c.eachDDICall(fn, func(call *ssa.CallCommon, d *rules.DDI, pos token.Pos) {
			if c.m.clientCreate[d.Name] {
				p.fromCoCreateVc(fn, call, d, pos, c.m.client.Handle)
			}
		})
	}
}

// importedProvFacts returns the provFacts of the imported packages, by
// package path (AllPackageFacts has no order of its own).
func (c *checker) importedProvFacts() []*provFact {
	type pf struct {
		path string
		f    *provFact
	}
	var all []pf
	for _, x := range c.pass.AllPackageFacts() {
		if f, ok := x.Fact.(*provFact); ok && x.Package != c.pass.Pkg {
			all = append(all, pf{x.Package.Path(), f})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].path < all[j].path })
	out := make([]*provFact, len(all))
	for i, x := range all {
		out[i] = x.f
	}
	return out
}

// eachDDICall calls f for every call of a runtime DDI in fn.
func (c *checker) eachDDICall(fn *ssa.Function, f func(*ssa.CallCommon, *rules.DDI, token.Pos)) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			ci, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := ci.Common().StaticCallee()
			if callee == nil {
				continue
			}
			obj, ok := callee.Object().(*types.Func)
			if !ok {
				continue
			}
			if d := c.api.DDI(obj); d != nil {
				f(ci.Common(), d, ci.Pos())
			}
		}
	}
}

func sortedProvKeys(m map[string]*FieldProv) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// where formats a position.
func (c *checker) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return c.pass.Fset.Position(pos).String()
}
