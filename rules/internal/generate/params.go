package generate

import (
	"sort"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// signature is what params returns: the parameters and the C return type.
type signature struct {
	Params  []rules.Param
	Returns string
}

// signature builds the parameters of the entry name from its page headings,
// its prototype (protoName in prototypes.tsv, used only when its parameter
// names are the page's), an entry it is the same as, and the overlay.
func (g *gen) signature(p *Page, name, protoName string, same *signature, ov EntryOverlay) (signature, error) {
	var sig signature
	names := make([]string, len(p.Params))
	for i, pp := range p.Params {
		names[i] = pp.Name
	}
	pr, found := g.protos[protoName]
	useProto := found && pr.matches(names)
	if !useProto {
		if ex, ok := examplePrototype(p, names); ok {
			pr, found, useProto = ex, true, true
		}
	}
	if same != nil && len(same.Params) != len(names) {
		return sig, errors.Errorf("sameAs %s: it has %d parameters, the page %d", ov.SameAs, len(same.Params), len(names))
	}
	if err := checkParamKeys(ov, names); err != nil {
		return sig, err
	}
	for i, pp := range p.Params {
		var protoCType string
		if useProto {
			protoCType = pr.Params[i].CType
		}
		var sameParam *rules.Param
		if same != nil {
			sameParam = &same.Params[i]
		}
		prm, err := g.param(pp, i, protoCType, sameParam, ov)
		if err != nil {
			return sig, errors.Wrapf(err, "parameter %s", pp.Name)
		}
		sig.Params = append(sig.Params, prm)
	}
	switch {
	case ov.Returns != "":
		sig.Returns = ov.Returns
	case useProto:
		sig.Returns = pr.Returns
	case same != nil:
		sig.Returns = same.Returns
	case found:
		return sig, errors.Errorf("prototypes.tsv %s disagrees with the page on parameter names (%s vs %s): give returns and each ctype in overlay.json", protoName, protoNames(pr), strings.Join(names, ", "))
	default:
		return sig, errors.Errorf("prototypes.tsv has no %s: give returns and each ctype in overlay.json", protoName)
	}
	return sig, nil
}

// param builds one parameter.
func (g *gen) param(pp PageParam, i int, protoCType string, same *rules.Param, ov EntryOverlay) (rules.Param, error) {
	po := ov.Params[pp.Name]
	prm := rules.Param{Name: pp.Name, GoName: lowerCamel(pp.Name), Dir: pp.Dir, Optional: pp.Optional, Note: po.Note, Handoff: po.Handoff, Limit: po.Limit, IrqlFlag: po.IrqlFlag}
	switch {
	case po.CType != "":
		prm.CType = po.CType
	case protoCType != "":
		prm.CType = protoCType
	case same != nil:
		prm.CType = same.CType
	default:
		return prm, errors.New("no C type: prototypes.tsv does not give it; add ctype in overlay.json")
	}
	if err := g.direction(&prm, pp, i, po, ov); err != nil {
		return prm, err
	}
	if po.GoName != "" {
		if po.Note == "" {
			return prm, errors.New("overlay goName without a note saying why")
		}
		prm.GoName = po.GoName
	}
	prm.GoType = po.GoType
	if prm.GoType == "" {
		t, err := goType(prm.CType, g.isBuffer(pp.Name), g.o.GoTypes)
		if err != nil {
			return prm, err
		}
		prm.GoType = t
	}
	prm.Kind = po.Kind
	if prm.Kind == "" {
		prm.Kind = g.o.ParamKinds[pp.Name]
	}
	if prm.Kind == "" && same != nil {
		prm.Kind = same.Kind
	}
	return prm, nil
}

// direction fills a parameter's direction: the page's, or the overlay's
// when the page gives none (never one that contradicts the page).
func (g *gen) direction(prm *rules.Param, pp PageParam, i int, po ParamOverlay, ov EntryOverlay) error {
	given := po.Dir
	reason := po.Note
	if given == "" && i < len(ov.Dirs) {
		given, reason = ov.Dirs[i], ov.DirReason
	}
	switch {
	case pp.Dir != "" && given != "" && given != pp.Dir:
		return errors.Errorf("overlay direction %q contradicts the page's %q", given, pp.Dir)
	case pp.Dir != "":
		return nil
	case given == "":
		return errors.New("the page gives no direction: add dir (and a note) in overlay.json")
	case reason == "":
		return errors.New("overlay direction without a note saying where it comes from")
	}
	prm.Dir, prm.Note = given, reason
	return nil
}

// isBuffer reports whether a PVOID parameter of that page name is a buffer.
func (g *gen) isBuffer(name string) bool {
	for _, b := range g.o.Buffers {
		if b == name {
			return true
		}
	}
	return false
}

// checkParamKeys rejects overlay parameters the page does not have.
func checkParamKeys(ov EntryOverlay, names []string) error {
	var unknown []string
	for k := range ov.Params {
		found := false
		for _, n := range names {
			found = found || n == k
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		return errors.Errorf("overlay params %v are not on the page", unknown)
	}
	if len(ov.Dirs) > 0 && len(ov.Dirs) != len(names) {
		return errors.Errorf("overlay dirs has %d entries, the page %d parameters", len(ov.Dirs), len(names))
	}
	return nil
}

// protoNames lists a prototype's parameter names.
func protoNames(p proto) string {
	var n []string
	for _, pp := range p.Params {
		n = append(n, pp.Name)
	}
	return strings.Join(n, ", ")
}
