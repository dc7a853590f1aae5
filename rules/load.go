package rules

import (
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/pkg/errors"
)

//go:embed catalogue.json
var embedded []byte

var (
	defaultOnce sync.Once
	defaultCat  *Catalogue
	defaultErr  error
)

// Default returns the embedded catalogue, loaded and validated once.
func Default() (*Catalogue, error) {
	defaultOnce.Do(func() {
		defaultCat, defaultErr = Load(embedded)
		if defaultErr != nil {
			defaultErr = errors.Wrap(defaultErr, "embedded catalogue")
		}
	})
	return defaultCat, defaultErr
}

// Load parses and validates a catalogue. Errors name the entry and field.
func Load(data []byte) (*Catalogue, error) {
	var c Catalogue
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, errors.Wrap(err, "parsing catalogue")
	}
	if err := c.index(); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// index builds the lookup maps, rejecting duplicate names.
func (c *Catalogue) index() error {
	c.ddiByName = make(map[string]*DDI, len(c.DDIs))
	c.ddiByGo = make(map[string]*DDI, len(c.DDIs))
	for i := range c.DDIs {
		d := &c.DDIs[i]
		if _, dup := c.ddiByName[d.Name]; dup {
			return errors.Errorf("ddi %q: name: duplicate entry", d.Name)
		}
		c.ddiByName[d.Name] = d
		if other, dup := c.ddiByGo[d.Package+"."+d.GoName]; dup {
			return errors.Errorf("ddi %q: goName: %s.%s is also %q", d.Name, d.Package, d.GoName, other.Name)
		}
		c.ddiByGo[d.Package+"."+d.GoName] = d
	}
	c.roleByName = make(map[string]*Role, len(c.Roles))
	c.roleByGo = make(map[string]*Role, len(c.Roles))
	for i := range c.Roles {
		r := &c.Roles[i]
		if _, dup := c.roleByName[r.Name]; dup {
			return errors.Errorf("role %q: name: duplicate entry", r.Name)
		}
		c.roleByName[r.Name] = r
		if other, dup := c.roleByGo[r.GoName]; dup {
			return errors.Errorf("role %q: goName: %s is also %q", r.Name, r.GoName, other.Name)
		}
		c.roleByGo[r.GoName] = r
	}
	return nil
}

// DDI returns the DDI with the given NDIS name (NdisClCloseCall).
func (c *Catalogue) DDI(name string) *DDI { return c.ddiByName[name] }

// DDIByGo returns the DDI modelled by pkg.goName ("ndis", "ClCloseCall").
func (c *Catalogue) DDIByGo(pkg, goName string) *DDI { return c.ddiByGo[pkg+"."+goName] }

// Role returns the role with the given typedef name
// (PROTOCOL_CL_CLOSE_CALL_COMPLETE).
func (c *Catalogue) Role(name string) *Role { return c.roleByName[name] }

// RoleByGo returns the role whose Go type is ndis.goName.
func (c *Catalogue) RoleByGo(goName string) *Role { return c.roleByGo[goName] }

// Struct returns the handler structure with the given C name.
func (c *Catalogue) Struct(name string) *HandlerStruct {
	for i := range c.Structs {
		if c.Structs[i].Name == name {
			return &c.Structs[i]
		}
	}
	return nil
}

// EditDefault returns the embedded catalogue as JSON after edit changed a
// copy of it, checked by Load: what go generate would write from an edited
// overlay.json. Tests use it to show that the catalogue, not code, decides
// what the passes and the verifier check.
func EditDefault(edit func(c *Catalogue)) ([]byte, error) {
	var c Catalogue
	if err := json.Unmarshal(embedded, &c); err != nil {
		return nil, errors.Wrap(err, "parsing catalogue")
	}
	edit(&c)
	data, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, errors.Wrap(err, "writing the edited catalogue")
	}
	if _, err := Load(data); err != nil {
		return nil, errors.Wrap(err, "the edited catalogue")
	}
	return data, nil
}
