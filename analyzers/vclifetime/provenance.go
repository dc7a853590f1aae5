package vclifetime

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// Creator is who created the VCs a field holds.
type Creator int

// The creators, as a set.
const (
	ByCM     Creator = 1 << iota // the call manager: the handle arrived in the client's ProtocolCoCreateVc
	ByClient                     // the client: NdisCoCreateVc's out-parameter
)

// FieldProv is what the package knows of one handle field of a VC context
// type: who created the VCs it holds, where that was seen, and the values
// that other fields of the context (the discriminators: createdByCM, an owner
// enum, a flag bit) take on each creation path.
type FieldProv struct {
	// Key is "pkgpath.Type.field".
	Key string
	// Creators is the set of creators.
	Creators Creator
	// CMSite and ClientSite are where each kind was stored ("file:line").
	CMSite, ClientSite string
	// CMPos and ClientPos are the same in this package (not in facts).
	CMPos, ClientPos token.Pos
	// CMVals and ClientVals give discriminator values on each path.
	CMVals, ClientVals []Discr
}

// Discr is the value of a context field on one creation path.
type Discr struct {
	// Field is the discriminator field's name.
	Field string
	// Val is the constant stored, "" when unknown; Bits is true when the
	// value was or-ed in (flags |= bit) rather than stored.
	Val  string
	Bits bool
}

// provenance collects FieldProvs from the functions of the package.
type provenance struct {
	byKey map[string]*FieldProv
	// sites are the creation sites seen, by key, creator and site.
	sites map[string]bool
	// creators are, by context type ("pkgpath.Type"), the functions that
	// store a new VC's handle into it.
	creators map[string]map[*ssa.Function]bool
	// stores returns a function's stores in block order; bases caches
	// them by the structure whose field they store to.
	stores func(*ssa.Function) []summary.Store
	bases  map[*ssa.Function]map[ssa.Value][]*ssa.Store
	fset   *token.FileSet
	where  func(token.Pos) string
}

// field returns the record of a handle field, creating it.
func (p *provenance) field(key string) *FieldProv {
	fp := p.byKey[key]
	if fp == nil {
		fp = &FieldProv{Key: key}
		p.byKey[key] = fp
	}
	return fp
}

// fromCreateVc records the stores of the handle parameter (of kind handle)
// of a client role that creates a CM VC into context fields: those fields
// hold CM-created VCs.
func (p *provenance) fromCreateVc(fn *ssa.Function, role *rules.Role, handle rules.HandleKind) {
	idx := rootOf(fn, paramIndex(role, handle))
	if idx < 0 || idx >= len(fn.Params) {
		return
	}
	h := fn.Params[idx]
	for _, st := range p.stores(fn) {
		if st.Field != nil && sameValue(st.Instr.Val, h) {
			p.record(fn, st.Field, ByCM, st.Instr.Pos())
		}
	}
}

// fromCoCreateVc records calls of a DDI that creates a client VC whose
// handle out-parameter (of kind handle) is a context field (directly, or a
// local copied into one): those fields hold client-created VCs.
func (p *provenance) fromCoCreateVc(fn *ssa.Function, call *ssa.CallCommon, d *rules.DDI, pos token.Pos, handle rules.HandleKind) {
	i := ndisapi.ParamIndex(d.Params, handle)
	if i < 0 || i >= len(call.Args) {
		return
	}
	switch a := call.Args[i].(type) {
	case *ssa.FieldAddr:
		p.record(fn, a, ByClient, pos)
	case *ssa.Alloc:
		for _, ref := range *a.Referrers() {
			ld, ok := ref.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL || ld.X != a {
				continue
			}
			for _, ref2 := range *ld.Referrers() {
				if st, ok := ref2.(*ssa.Store); ok && st.Val == ld {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						p.record(fn, fa, ByClient, pos)
					}
				}
			}
		}
	}
}

// record notes that field fa holds VCs created by c, with the constant
// values the other fields of the same context get in fn. What it keeps does
// not depend on the order the sites are seen in: the site is the first in
// file and offset order, and the values are those all sites agree on.
func (p *provenance) record(fn *ssa.Function, fa *ssa.FieldAddr, c Creator, pos token.Pos) {
	t := namedStruct(fa.X.Type())
	if t == nil {
		return
	}
	key := keyOf(t, fa)
	typ := t.Obj().Pkg().Path() + "." + t.Obj().Name()
	if p.creators[typ] == nil {
		p.creators[typ] = map[*ssa.Function]bool{}
	}
	p.creators[typ][fn] = true
	fp := p.field(key)
	vals := discriminators(p.fieldStores(fn)[fa.X], fa.X, fa.Field)
	site := fmt.Sprintf("%s|%d|%s", key, c, p.where(pos))
	first := fp.Creators&c == 0
	if !first && p.sites[site] {
		return // this site again (a second store of the same handle)
	}
	p.sites[site] = true
	fp.Creators |= c
	switch c {
	case ByCM:
		if first || p.before(pos, fp.CMPos) {
			fp.CMSite, fp.CMPos = p.where(pos), pos
		}
		fp.CMVals = mergeDiscr(fp.CMVals, vals, !first)
	case ByClient:
		if first || p.before(pos, fp.ClientPos) {
			fp.ClientSite, fp.ClientPos = p.where(pos), pos
		}
		fp.ClientVals = mergeDiscr(fp.ClientVals, vals, !first)
	}
}

// before reports whether a comes before b in file name and offset order.
func (p *provenance) before(a, b token.Pos) bool {
	pa, pb := p.fset.Position(a), p.fset.Position(b)
	if pa.Filename != pb.Filename {
		return pa.Filename < pb.Filename
	}
	return pa.Offset < pb.Offset
}

// merge adds what another package knows of a field: the union of the
// creators, each creator's site where this package has none, and the
// discriminator values both agree on. Facts are merged in package path
// order, so the result does not depend on the order facts are listed in.
func (p *provenance) merge(o FieldProv) {
	fp, ok := p.byKey[o.Key]
	if !ok {
		p.byKey[o.Key] = &o
		return
	}
	if o.Creators&ByCM != 0 {
		if fp.Creators&ByCM == 0 {
			fp.CMSite, fp.CMVals = o.CMSite, o.CMVals
		} else {
			fp.CMVals = mergeDiscr(fp.CMVals, o.CMVals, true)
		}
	}
	if o.Creators&ByClient != 0 {
		if fp.Creators&ByClient == 0 {
			fp.ClientSite, fp.ClientVals = o.ClientSite, o.ClientVals
		} else {
			fp.ClientVals = mergeDiscr(fp.ClientVals, o.ClientVals, true)
		}
	}
	fp.Creators |= o.Creators
}

// fieldStores returns fn's stores into struct fields, by the structure's
// address, in block order.
func (p *provenance) fieldStores(fn *ssa.Function) map[ssa.Value][]*ssa.Store {
	if m, ok := p.bases[fn]; ok {
		return m
	}
	m := map[ssa.Value][]*ssa.Store{}
	for _, st := range p.stores(fn) {
		if st.Field != nil {
			m[st.Field.X] = append(m[st.Field.X], st.Instr)
		}
	}
	if p.bases == nil {
		p.bases = map[*ssa.Function]map[ssa.Value][]*ssa.Store{}
	}
	p.bases[fn] = m
	return m
}

// discriminators returns the values that stores (a function's stores into
// fields of base) give the other fields of base: each constant stored, each
// constant or-ed in, and zero for the untouched fields of a context the
// function allocates itself.
func discriminators(stores []*ssa.Store, base ssa.Value, handleField int) []Discr {
	st := namedStruct(base.Type())
	if st == nil {
		return nil
	}
	s := st.Underlying().(*types.Struct)
	vals := map[int]Discr{}
	for _, store := range stores {
		fa, ok := store.Addr.(*ssa.FieldAddr)
		if !ok || fa.X != base || fa.Field == handleField {
			continue
		}
		name := s.Field(fa.Field).Name()
		switch v := store.Val.(type) {
		case *ssa.Const:
			vals[fa.Field] = Discr{Field: name, Val: constStr(v)}
		case *ssa.BinOp:
			if k, ok := v.Y.(*ssa.Const); ok && v.Op == token.OR {
				vals[fa.Field] = Discr{Field: name, Val: constStr(k), Bits: true}
			} else {
				vals[fa.Field] = Discr{Field: name}
			}
		default:
			vals[fa.Field] = Discr{Field: name}
		}
	}
	if _, fresh := base.(*ssa.Alloc); fresh {
		for i := 0; i < s.NumFields(); i++ {
			if _, set := vals[i]; !set && i != handleField {
				if z := zeroOf(s.Field(i).Type()); z != "" {
					vals[i] = Discr{Field: s.Field(i).Name(), Val: z}
				}
			}
		}
	}
	var out []Discr
	for _, d := range vals {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// mergeDiscr combines the discriminator values of two creation sites: a
// field keeps its value only where both agree. For the first site (second
// false) it is that site's values.
func mergeDiscr(old, new []Discr, second bool) []Discr {
	if !second {
		return new
	}
	var out []Discr
	for _, o := range old {
		for _, n := range new {
			if n.Field == o.Field {
				if n != o {
					o.Val, o.Bits = "", false
				}
				out = append(out, o)
			}
		}
	}
	return out
}

// zeroOf spells the zero value of a basic type for conditions.
func zeroOf(t types.Type) string {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return ""
	}
	switch {
	case b.Info()&types.IsBoolean != 0:
		return "false"
	case b.Info()&types.IsInteger != 0:
		return "0"
	}
	return ""
}

// forget drops the values of the fields that are stored to after
// creation (mutable, by "pkgpath.Type.field").
func (fp *FieldProv) forget(mutable map[string]bool) {
	typ := fp.Key[:strings.LastIndex(fp.Key, ".")+1]
	drop := func(vals []Discr) []Discr {
		out := make([]Discr, len(vals)) // the slice may be an imported fact's
		for i, d := range vals {
			if mutable[typ+d.Field] {
				d.Val, d.Bits = "", false
			}
			out[i] = d
		}
		return out
	}
	fp.CMVals, fp.ClientVals = drop(fp.CMVals), drop(fp.ClientVals)
}

// value returns the discriminator value of field on a creator's path.
func (fp *FieldProv) value(c Creator, field string) (Discr, bool) {
	vals := fp.CMVals
	if c == ByClient {
		vals = fp.ClientVals
	}
	for _, d := range vals {
		if d.Field == field && d.Val != "" {
			return d, true
		}
	}
	return Discr{}, false
}

// HasDiscriminator reports whether some field tells the creators apart.
func (fp *FieldProv) HasDiscriminator() bool {
	for _, a := range fp.CMVals {
		if a.Val == "" {
			continue
		}
		if b, ok := fp.value(ByClient, a.Field); ok && (b.Val != a.Val || b.Bits != a.Bits) {
			return true
		}
	}
	return false
}

// excludes reports whether cond, on context path root.(*typ), cannot hold
// on a VC created by c: it tests a field whose value on c's creation path is
// known, and that value fails it. Conditions on other fields or roots do not
// exclude it.
func (fp *FieldProv) excludes(c Creator, cond summary.Cond, root int, typ string) bool {
	if cond.Path.Root != root || cond.Path.Type != typ || cond.Path.Field == "" {
		return false
	}
	d, ok := fp.value(c, cond.Path.Field)
	if !ok || d.Bits && cond.Op != "&" {
		return false
	}
	holds, known := summary.Eval(cond, d.Val)
	return known && !holds
}

// keyOf names a field of a named struct.
func keyOf(t *types.Named, fa *ssa.FieldAddr) string {
	s := t.Underlying().(*types.Struct)
	return t.Obj().Pkg().Path() + "." + t.Obj().Name() + "." + s.Field(fa.Field).Name()
}

// namedStruct returns T for *T with T a named struct.
func namedStruct(t types.Type) *types.Named {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// sameValue reports whether v is x, through type changes.
func sameValue(v, x ssa.Value) bool {
	for i := 0; i < 4; i++ {
		if v == x {
			return true
		}
		switch c := v.(type) {
		case *ssa.ChangeType:
			v = c.X
		case *ssa.MakeInterface:
			v = c.X
		default:
			return false
		}
	}
	return false
}

func constStr(c *ssa.Const) string {
	if c.Value == nil {
		return "nil"
	}
	return c.Value.ExactString()
}

// paramIndex returns the index of the role's first parameter of kind k.
func paramIndex(r *rules.Role, k rules.HandleKind) int { return ndisapi.ParamIndex(r.Params, k) }
