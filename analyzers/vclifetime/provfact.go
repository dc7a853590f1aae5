package vclifetime

import (
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
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
	p := &provenance{byKey: map[string]*FieldProv{}, sites: map[string]bool{}, creators: map[string]map[*ssa.Function]bool{}, fset: c.pass.Fset, where: c.where,
		stores: func(fn *ssa.Function) []summary.Store { return c.sum.Index(fn).Stores }}
	if c.m.cm != nil {
		c.localProvenance(p)
	}
	mutable := c.mutableFields(p)
	for _, fp := range p.byKey {
		fp.forget(mutable)
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
	for _, fp := range p.byKey {
		fp.forget(mutable)
	}
	return p.byKey
}

// mutableFields returns the fields ("pkgpath.Type.field") this package
// stores to outside the functions that create VCs of their type: a
// reference count, a state. What a creation path stores in them says
// nothing of the VC later, so they are no discriminators.
func (c *checker) mutableFields(p *provenance) map[string]bool {
	out := map[string]bool{}
	for _, fn := range c.ssa.SrcFuncs {
		for _, st := range c.sum.Index(fn).Stores {
			if st.Field != nil && st.Type != "" && !p.creators[st.Type][fn] {
				out[st.Type+"."+st.FieldName] = true
			}
		}
	}
	return out
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
	x := c.sum.Index(fn)
	for _, i := range x.DDICalls {
		f(x.Calls[i].Instr.Common(), x.Calls[i].DDI, x.Calls[i].Instr.Pos())
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
