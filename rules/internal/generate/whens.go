package generate

import (
	"regexp"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// pageWhens checks the overlay's value-dependent bounds of one DDI against
// its page: every quote must be a sentence of the page once its markup is
// removed. GoValue is derived later, by deriveGoValues, once every DDI is
// built.
func pageWhens(p *Page, ws []rules.IrqlWhen) ([]rules.IrqlWhen, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	text := pageText(p)
	out := make([]rules.IrqlWhen, len(ws))
	for i, w := range ws {
		if len(w.Quotes) == 0 {
			return nil, errors.Errorf("overlay irqlWhen %d (%s): no quotes", i, w.Param)
		}
		for _, q := range w.Quotes {
			if !strings.Contains(text, plainText(q)) {
				return nil, errors.Errorf("overlay irqlWhen %d (%s): the page has no sentence %q", i, w.Param, q)
			}
		}
		if w.GoValue != "" {
			return nil, errors.Errorf("overlay irqlWhen %d (%s): goValue is derived, not written", i, w.Param)
		}
		out[i] = w
	}
	return out, nil
}

// deriveGoValues fills IrqlWhen.GoValue from Value and the Go type of the
// value the condition is on.
func deriveGoValues(ddis []rules.DDI) error {
	byName := map[string]*rules.DDI{}
	for i := range ddis {
		byName[ddis[i].Name] = &ddis[i]
	}
	for i := range ddis {
		d := &ddis[i]
		for j := range d.Irql.When {
			w := &d.Irql.When[j]
			t, err := whenGoType(d, w, byName)
			if err == nil {
				w.GoValue, err = rules.GoConstant(w.Value, t)
			}
			if err != nil {
				return errors.Wrapf(err, "ddi %s: irqlWhen %d (%s)", d.Name, j, w.Param)
			}
		}
	}
	return nil
}

// whenGoType is the Go type of the value w's condition is on: Param's
// (its pointee with Deref), or Of.Param's of the DDI Of names.
func whenGoType(d *rules.DDI, w *rules.IrqlWhen, byName map[string]*rules.DDI) (string, error) {
	if w.Of != nil {
		e := byName[w.Of.DDI]
		if e == nil {
			return "", errors.Errorf("of: unknown ddi %q", w.Of.DDI)
		}
		d, w = e, &rules.IrqlWhen{Param: w.Of.Param}
	}
	i := d.ParamIndex(w.Param)
	if i < 0 {
		return "", errors.Errorf("%s has no parameter %q", d.Name, w.Param)
	}
	t := d.Params[i].GoType
	if w.Deref {
		t = strings.TrimPrefix(t, "*")
	}
	return t, nil
}

// pageText is the page's sections as plain text.
func pageText(p *Page) string {
	var b strings.Builder
	for _, s := range []string{"-description", "-parameters", "-returns", "-remarks"} {
		b.WriteString(p.Sections[s])
		b.WriteString("\n")
	}
	return plainText(b.String())
}

var (
	mdLinkRe  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	htmlTagRe = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	spaceRe   = regexp.MustCompile(`\s+`)
	entities  = strings.NewReplacer("**", "", "*", "", `\_`, "_", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&nbsp;", " ")
)

// plainText removes Markdown and HTML markup and folds white space, so a
// sentence reads as it is rendered.
func plainText(s string) string {
	s = mdLinkRe.ReplaceAllString(s, "$1")
	s = htmlTagRe.ReplaceAllString(s, "")
	s = entities.Replace(s)
	return strings.TrimSpace(spaceRe.ReplaceAllString(s, " "))
}
