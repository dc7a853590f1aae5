package generate

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// Page is one reference page as the generator reads it.
type Page struct {
	// ID is the file name without .md (nf-ndis-ndisclclosecall).
	ID string
	// Front is the YAML front matter: scalar values and list items.
	Front map[string][]string
	// Sections maps a "## -name" heading (without "## ") to its body.
	Sections map[string]string
	// Params are the "### -param" headings in page order.
	Params []PageParam
	// Fields are the "### -field" headings of a structure page.
	Fields []PageField
}

// PageParam is one "### -param Name [in, optional]" heading.
type PageParam struct {
	Name string
	// Dir is empty when the heading gives no direction.
	Dir      rules.Direction
	Optional bool
}

// PageField is one "### -field Name" heading and its text.
type PageField struct {
	Name string
	Text string
}

// First returns the first value of a front-matter key ("" if absent).
func (p *Page) First(key string) string {
	if v := p.Front[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// readPage reads and parses dir/id.md.
func readPage(dir, id string) (*Page, error) {
	b, err := os.ReadFile(filepath.Join(dir, id+".md"))
	if err != nil {
		return nil, errors.Wrapf(err, "page %s", id)
	}
	p, err := parsePage(id, string(b))
	return p, errors.Wrapf(err, "page %s", id)
}

var (
	frontKeyRe = regexp.MustCompile(`^([A-Za-z0-9_.-]+):\s*(.*)$`)
	paramRe    = regexp.MustCompile(`^### -param\s+(\S+)\s*(.*)$`)
	fieldRe    = regexp.MustCompile(`^### -field\s+(\S+)\s*$`)
)

// parsePage splits a page into front matter, sections, params and fields.
func parsePage(id, text string) (*Page, error) {
	p := &Page{ID: id, Front: map[string][]string{}, Sections: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	state, key, section := 0, "", ""
	var body strings.Builder
	var field *PageField
	flush := func() {
		if section != "" {
			p.Sections[section] = body.String()
		}
		body.Reset()
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case state == 0 && line == "---":
			state = 1
			continue
		case state == 1 && line == "---":
			state = 2
			continue
		case state == 1:
			key = frontLine(p, key, line)
			continue
		}
		if strings.HasPrefix(line, "## ") {
			flush()
			section, field = strings.TrimSpace(line[3:]), nil
			continue
		}
		if m := paramRe.FindStringSubmatch(line); m != nil {
			pp, err := parseParamHeading(m[1], m[2])
			if err != nil {
				return nil, err
			}
			p.Params = append(p.Params, pp)
		}
		if m := fieldRe.FindStringSubmatch(line); m != nil {
			p.Fields = append(p.Fields, PageField{Name: m[1]})
			field = &p.Fields[len(p.Fields)-1]
			continue
		}
		if strings.HasPrefix(line, "### ") {
			field = nil
		}
		if field != nil {
			field.Text += line + "\n"
		}
		body.WriteString(line + "\n")
	}
	flush()
	if state != 2 {
		return nil, errors.New("no YAML front matter")
	}
	return p, sc.Err()
}

// frontLine records one front-matter line and returns the current key.
func frontLine(p *Page, key, line string) string {
	if strings.HasPrefix(line, " - ") || strings.HasPrefix(line, "- ") {
		p.Front[key] = append(p.Front[key], strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "-")))
		return key
	}
	m := frontKeyRe.FindStringSubmatch(line)
	if m == nil {
		return key
	}
	if v := strings.TrimSpace(m[2]); v != "" {
		p.Front[m[1]] = append(p.Front[m[1]], v)
	} else {
		p.Front[m[1]] = nil
	}
	return m[1]
}

// parseParamHeading reads the bracketed attributes of a -param heading.
func parseParamHeading(name, attrs string) (PageParam, error) {
	pp := PageParam{Name: name}
	attrs = strings.TrimSpace(attrs)
	if attrs == "" {
		return pp, nil
	}
	if !strings.HasPrefix(attrs, "[") || !strings.HasSuffix(attrs, "]") {
		return pp, errors.Errorf("param %s: cannot read attributes %q", name, attrs)
	}
	in, out := false, false
	for _, tok := range strings.Split(attrs[1:len(attrs)-1], ",") {
		switch strings.Trim(strings.ToLower(strings.TrimSpace(tok)), "_") {
		case "in":
			in = true
		case "out":
			out = true
		case "optional":
			pp.Optional = true
		default:
			return pp, errors.Errorf("param %s: unknown attribute %q", name, tok)
		}
	}
	switch {
	case in && out:
		pp.Dir = rules.InOut
	case in:
		pp.Dir = rules.In
	case out:
		pp.Dir = rules.Out
	}
	return pp, nil
}
