package generate

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// synthesizedDDIs builds the DDIs the overlay gives in full because the
// reference has no page for them (DDI.Synthesized), sorted by name.
func (g *gen) synthesizedDDIs() ([]rules.DDI, error) {
	names := make([]string, 0, len(g.o.DDIs))
	for n, ov := range g.o.DDIs {
		if ov.Synthesized != nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out []rules.DDI
	for _, n := range names {
		d, err := g.synthesizedDDI(n, g.o.DDIs[n])
		if err != nil {
			return nil, errors.Wrapf(err, "overlay ddi %s", n)
		}
		out = append(out, d)
	}
	return out, nil
}

// synthesizedDDI builds one DDI from its overlay entry. The entry must cite
// a reason and name a page the reference does not have: a DDI with a page
// is catalogued from it.
func (g *gen) synthesizedDDI(name string, ov EntryOverlay) (rules.DDI, error) {
	s := ov.Synthesized
	pkg := "ndis"
	if ov.Package != "" {
		pkg = ov.Package
	}
	d := rules.DDI{Name: name, Package: pkg, GoName: ddiGoName(name, pkg), Page: s.Page, Synthesized: s.Reason}
	if err := g.checkSynthesizedDDI(name, ov); err != nil {
		return d, err
	}
	if d.Family = g.family(name, ov); d.Family == "" {
		return d, errors.New("no family: add family in overlay.json")
	}
	q, ok := parseIrql(s.Irql, false)
	if !ok {
		return d, errors.Errorf("synthesized irql %q is not readable", s.Irql)
	}
	d.Irql = q
	var err error
	if d.Params, err = g.synthesizedParams(s); err != nil {
		return d, err
	}
	d.Returns = ov.Returns
	if d.GoReturns, err = goReturn(d.Returns, g.o.GoTypes); err != nil {
		return d, err
	}
	d.SDV, d.Statuses = s.SDV, ov.Statuses
	d.Effect, d.Lock, d.Pends, d.CompletedBy = ov.Effect, ov.Lock, ov.Pends, ov.CompletedBy
	d.Invokes, d.Delivers, d.Notes, d.Context = ov.Invokes, ov.Delivers, ov.Notes, ov.Context
	return d, nil
}

// checkSynthesizedDDI rejects a synthesized DDI entry that lacks what it
// must say, takes hand decisions meant for page-backed entries, or names a
// DDI the reference has a page for (under any header's directory).
func (g *gen) checkSynthesizedDDI(name string, ov EntryOverlay) error {
	s := ov.Synthesized
	switch {
	case s.Reason == "" || s.Page == "":
		return errors.New("synthesized without a reason or a page")
	case s.Callback != "":
		return errors.New("synthesized DDI with a callback: callbacks are roles'")
	case ov.Returns == "":
		return errors.New("synthesized DDI without returns")
	case ov.Irql != nil || len(ov.IrqlWhen) > 0 || len(ov.Params) > 0 || len(ov.Dirs) > 0 || ov.Proto != "" || ov.SameAs != "":
		return errors.New("synthesized DDI with irql, irqlWhen, params, dirs, proto or sameAs: give its signature and IRQL in synthesized")
	case ov.GoName != "":
		return errors.New("synthesized DDI with goName: it takes the naming rule's name")
	}
	pages, err := filepath.Glob(filepath.Join(g.dir, "*", "nf-*-"+strings.ToLower(name)+".md"))
	if err != nil {
		return errors.Wrap(err, "looking for its page")
	}
	if len(pages) > 0 {
		return errors.Errorf("the reference has a page for it (%s): catalogue it from its page", pages[0])
	}
	return nil
}
