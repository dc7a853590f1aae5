package generate

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// gen holds the inputs of one run.
type gen struct {
	dir    string
	o      *Overlay
	protos map[string]proto
}

// Generate reads the reference in ddiDir (../shared/ddi) and the overlay
// and returns catalogue.json's bytes. It fails, naming the page, on anything
// it cannot resolve, and checks the result with rules.Load.
func Generate(ddiDir, overlayPath string) ([]byte, error) {
	o, err := readOverlay(overlayPath)
	if err != nil {
		return nil, err
	}
	protos, err := readProtos(filepath.Join(ddiDir, "prototypes.tsv"))
	if err != nil {
		return nil, err
	}
	g := &gen{dir: ddiDir, o: o, protos: protos}
	c, err := g.build()
	if err != nil {
		return nil, err
	}
	out, err := encode(c)
	if err != nil {
		return nil, err
	}
	if _, err := rules.Load(out); err != nil {
		return nil, errors.Wrap(err, "the generated catalogue does not load")
	}
	return out, nil
}

// build assembles the catalogue.
func (g *gen) build() (*rules.Catalogue, error) {
	c := &rules.Catalogue{Source: g.o.Source, Exclusions: g.o.Scope.Exclusions, Uncatalogued: g.o.Uncatalogued, Pairs: g.o.Pairs, Companions: g.o.Companions, Orders: g.o.Orders}
	ddiRefs, roleRefs, err := g.scopePages()
	if err != nil {
		return nil, err
	}
	if c.DDIs, err = g.ddis(ddiRefs); err != nil {
		return nil, err
	}
	synth, err := g.synthesizedDDIs()
	if err != nil {
		return nil, err
	}
	c.DDIs = append(c.DDIs, synth...)
	if err := deriveGoValues(c.DDIs); err != nil {
		return nil, err
	}
	if c.Roles, err = g.roles(roleRefs); err != nil {
		return nil, err
	}
	for _, id := range g.o.Scope.Structs {
		p, err := readPage(g.dir+"/ndis", id)
		if err != nil {
			return nil, err
		}
		s, err := g.handlerStruct(id, p)
		if err != nil {
			return nil, errors.Wrapf(err, "page %s", id)
		}
		c.Structs = append(c.Structs, s)
	}
	if err := g.placeholders(c); err != nil {
		return nil, err
	}
	if c.Lifetimes, err = g.lifetimes(c); err != nil {
		return nil, err
	}
	if c.States, err = g.states(c); err != nil {
		return nil, err
	}
	if c.TimeBounds, err = g.timeBounds(); err != nil {
		return nil, err
	}
	if c.OidStatuses, err = g.oidTable(c); err != nil {
		return nil, err
	}
	if err := g.checkOverlayUsed(c); err != nil {
		return nil, err
	}
	link(c)
	sortCatalogue(c)
	return c, nil
}

// ddis builds the DDI entries: first those that stand alone, then those
// whose C types are the same as another entry's.
func (g *gen) ddis(refs []pageRef) ([]rules.DDI, error) {
	pages := map[string]*Page{}
	built := map[string]*signature{}
	var out []rules.DDI
	for pass := 0; pass < 2; pass++ {
		for _, ref := range refs {
			p := pages[ref.ID]
			if p == nil {
				var err error
				if p, err = readPage(ref.Dir, ref.ID); err != nil {
					return nil, err
				}
				pages[ref.ID] = p
			}
			ov := g.o.DDIs[p.First("api_name")]
			if (ov.SameAs != "") != (pass == 1) {
				continue
			}
			var same *signature
			if ov.SameAs != "" {
				if same = built[ov.SameAs]; same == nil {
					return nil, errors.Errorf("page %s: sameAs %s is not a built entry", ref.ID, ov.SameAs)
				}
			}
			d, err := g.ddi(ref, p, same)
			if err != nil {
				return nil, errors.Wrapf(err, "page %s (%s)", ref.ID, d.Name)
			}
			built[d.Name] = &signature{Params: d.Params, Returns: d.Returns}
			out = append(out, d)
		}
	}
	return out, nil
}

// roles builds the role entries, page-backed and synthesized.
func (g *gen) roles(refs []pageRef) ([]rules.Role, error) {
	var out []rules.Role
	for _, ref := range refs {
		p, err := readPage(ref.Dir, ref.ID)
		if err != nil {
			return nil, err
		}
		r, err := g.role(ref, p)
		if err != nil {
			return nil, errors.Wrapf(err, "page %s (%s)", ref.ID, r.Name)
		}
		out = append(out, r)
	}
	names := make([]string, 0, len(g.o.Roles))
	for n := range g.o.Roles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if ov := g.o.Roles[n]; ov.Synthesized != nil {
			r, err := g.synthesizedRole(n, ov)
			if err != nil {
				return nil, errors.Wrapf(err, "overlay role %s", n)
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// checkOverlayUsed rejects overlay entries that name no catalogue entry.
func (g *gen) checkOverlayUsed(c *rules.Catalogue) error {
	have := map[string]bool{}
	for _, d := range c.DDIs {
		have[d.Name] = true
	}
	for n := range g.o.DDIs {
		if !have[n] {
			return errors.Errorf("overlay ddi %s: no such DDI in scope", n)
		}
	}
	for _, r := range c.Roles {
		have[r.Name] = true
	}
	for n := range g.o.Roles {
		if !have[n] {
			return errors.Errorf("overlay role %s: no such role in scope", n)
		}
	}
	for _, s := range c.Structs {
		have[s.Name] = true
	}
	for n := range g.o.Structs {
		if !have[n] {
			return errors.Errorf("overlay struct %s: not in scope.structs", n)
		}
	}
	return nil
}

// link fills the reverse completion tables: Role.Completes from
// DDI.CompletedBy, DDI.Completes from Role.CompletedBy(MCM).
func link(c *rules.Catalogue) {
	roles := map[string]*rules.Role{}
	for i := range c.Roles {
		roles[c.Roles[i].Name] = &c.Roles[i]
	}
	ddis := map[string]*rules.DDI{}
	for i := range c.DDIs {
		ddis[c.DDIs[i].Name] = &c.DDIs[i]
	}
	for _, d := range c.DDIs {
		if r := roles[d.CompletedBy]; r != nil {
			r.Completes = append(r.Completes, d.Name)
		}
	}
	for _, r := range c.Roles {
		for _, n := range []string{r.CompletedBy, r.CompletedByMCM} {
			if d := ddis[n]; d != nil {
				d.Completes = r.Name
			}
		}
	}
}

// sortCatalogue orders every list that has no page order.
func sortCatalogue(c *rules.Catalogue) {
	sort.Slice(c.DDIs, func(i, j int) bool { return c.DDIs[i].Name < c.DDIs[j].Name })
	sort.Slice(c.Roles, func(i, j int) bool { return c.Roles[i].Name < c.Roles[j].Name })
	sort.Slice(c.Structs, func(i, j int) bool { return c.Structs[i].Name < c.Structs[j].Name })
	sort.Slice(c.Exclusions, func(i, j int) bool { return c.Exclusions[i].Page < c.Exclusions[j].Page })
	sort.Slice(c.Uncatalogued, func(i, j int) bool {
		a, b := c.Uncatalogued[i], c.Uncatalogued[j]
		return a.Package+"."+a.GoName < b.Package+"."+b.GoName
	})
	for i := range c.Roles {
		sort.Strings(c.Roles[i].Completes)
	}
}

// encode writes the catalogue as indented JSON without HTML escaping, so
// "<= DISPATCH_LEVEL" reads as the page writes it.
func encode(c *rules.Catalogue) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, errors.Wrap(err, "encoding the catalogue")
	}
	return b.Bytes(), nil
}
