package generate

import (
	"bytes"
	"encoding/json"
	"os"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// Overlay is rules/overlay.json: what the pages say only in prose, decided
// by hand, each decision with its reason.
type Overlay struct {
	// Source describes the reference the catalogue is generated from.
	Source string `json:"source"`
	// Scope says which pages become entries.
	Scope Scope `json:"scope"`
	// FamilyByPrefix gives the family of a CoNDIS name by its prefix.
	FamilyByPrefix []PrefixFamily `json:"familyByPrefix"`
	// DriverByPrefix gives the kind of driver whose callback a role is by
	// its typedef's prefix (Role.Driver); a role no prefix matches is any
	// driver's.
	DriverByPrefix []PrefixDriver `json:"driverByPrefix"`
	// ParamKinds gives the Kind of a parameter by its page name.
	ParamKinds map[string]rules.HandleKind `json:"paramKinds"`
	// Buffers are page parameter names whose PVOID is a buffer ([]byte).
	Buffers []string `json:"buffers"`
	// GoTypes extends the docs/model.md table, by the naming rule.
	GoTypes map[string]string `json:"goTypes"`
	// DDIs and Roles are per-entry additions, by NDIS name.
	DDIs  map[string]EntryOverlay `json:"ddis"`
	Roles map[string]EntryOverlay `json:"roles"`
	// Structs are the handler structures, by C name.
	Structs map[string]StructOverlay `json:"structs"`
	// Lifetimes are hand-written from ../shared/condis.
	Lifetimes []rules.Lifetime `json:"lifetimes"`
	// States are hand-written from ../shared/ndis6 (rules.StateMachine).
	States []rules.StateMachine `json:"states,omitempty"`
	// Uncatalogued are the exported functions of wdm and ndis that are no
	// DDI, each with the reason (Catalogue.Uncatalogued).
	Uncatalogued []rules.Uncatalogued `json:"uncatalogued"`
	// Pairs are Catalogue.Pairs.
	Pairs []rules.Pair `json:"pairs,omitempty"`
	// Companions are Catalogue.Companions.
	Companions []rules.Companion `json:"companions,omitempty"`
	// Orders are Catalogue.Orders.
	Orders []rules.Order `json:"orders,omitempty"`
	// OidTable adds to the SDV NdisOidComplete page what it does not say
	// (Catalogue.OidStatuses).
	OidTable *OidTableOverlay `json:"oidTable,omitempty"`
}

// Scope lists the pages in scope.
type Scope struct {
	// DDIPagePrefixes select ndis nf- pages by file name.
	DDIPagePrefixes []string `json:"ddiPagePrefixes"`
	// RolePagePrefixes select ndis nc- pages by file name.
	RolePagePrefixes []string `json:"rolePagePrefixes"`
	// Exclusions are pages the prefixes select that are not of the family.
	Exclusions []rules.Exclusion `json:"exclusions"`
	// ExtraDDIs and ExtraRoles are further pages (file names) in scope.
	ExtraDDIs  []string `json:"extraDDIs"`
	ExtraRoles []string `json:"extraRoles"`
	// Structs are the ns- pages of the handler structures.
	Structs []string `json:"structs"`
}

// PrefixFamily maps a name prefix to a family.
type PrefixFamily struct {
	Prefix string `json:"prefix"`
	Family string `json:"family"`
}

// PrefixDriver maps a role typedef prefix to a kind of driver.
type PrefixDriver struct {
	Prefix string           `json:"prefix"`
	Driver rules.DriverKind `json:"driver"`
}

// EntryOverlay adds to one DDI or role.
type EntryOverlay struct {
	Family  string `json:"family,omitempty"`
	Package string `json:"package,omitempty"`
	// GoName overrides the naming rule, with GoNameReason.
	GoName       string `json:"goName,omitempty"`
	GoNameReason string `json:"goNameReason,omitempty"`
	// Irql replaces the parsed requirement; Reason is required.
	Irql *rules.Irql `json:"irql,omitempty"`
	// IrqlWhen are the value-dependent bounds (DDIs only; Irql.When), each
	// with the page's sentences; GoValue is derived, not written.
	IrqlWhen []rules.IrqlWhen `json:"irqlWhen,omitempty"`
	// Proto names the prototypes.tsv row (roles: the NDIS 5 typedef).
	Proto string `json:"proto,omitempty"`
	// SameAs takes the C types, positionally, from another entry's
	// prototype or overlay (macros that wrap a function).
	SameAs string `json:"sameAs,omitempty"`
	// Returns is the C return type where no prototype gives it.
	Returns string `json:"returns,omitempty"`
	// GoReturns overrides the Go result type the C return type maps to
	// (a PVOID that is no allocator's memory), with GoReturnsReason, which
	// the entry keeps as a note.
	GoReturns       string `json:"goReturns,omitempty"`
	GoReturnsReason string `json:"goReturnsReason,omitempty"`
	// Dirs are positional directions for a page whose headings give none,
	// with DirReason.
	Dirs      []rules.Direction `json:"dirs,omitempty"`
	DirReason string            `json:"dirReason,omitempty"`
	// Params are per-parameter additions by page name.
	Params map[string]ParamOverlay `json:"params,omitempty"`
	// Synthesized gives the whole parameter list of a role without a page
	// of its own (Page and Callback say where it is documented), or the
	// whole signature of a DDI without a page in the reference (Page is the
	// public page's ID, SDV the rules it lists).
	Synthesized *Synthesized `json:"synthesized,omitempty"`

	Effect         rules.IrqlEffect `json:"effect,omitempty"`
	Lock           *rules.Lock      `json:"lock,omitempty"`
	Pends          bool             `json:"pends,omitempty"`
	CompletedBy    string           `json:"completedBy,omitempty"`
	CompletedByMCM string           `json:"completedByMcm,omitempty"`
	Completes      string           `json:"completes,omitempty"`
	Invokes        []string         `json:"invokes,omitempty"`
	Delivers       []string         `json:"delivers,omitempty"`
	// Statuses replace the ones read from the page's -returns.
	Statuses []string `json:"statuses,omitempty"`
	// AddedStatuses are added to the page's -returns, each with the
	// public page that documents it (roles only; Role.AddedStatuses).
	AddedStatuses []rules.AddedStatus `json:"addedStatuses,omitempty"`
	Forbidden     []string            `json:"forbidden,omitempty"`
	MayPend       *bool               `json:"mayPend,omitempty"`
	Notes         []string            `json:"notes,omitempty"`
	// Placeholder is the status a generated handler of the role returns,
	// whatever structure its slot is in (roles only; Slot.Placeholder).
	Placeholder *rules.Placeholder `json:"placeholder,omitempty"`
	// Request ties a pended request to its completion (roles only;
	// Role.Request).
	Request *rules.Request `json:"request,omitempty"`
	// Order, for a role whose page lists its parameters in another order
	// than ndis.h, is the C order by page name, with OrderReason
	// (Role.ParamOrderReason).
	Order       []string `json:"order,omitempty"`
	OrderReason string   `json:"orderReason,omitempty"`
	// ReleaseOnFailure is Role.ReleaseOnFailure, the page's sentence
	// (roles only).
	ReleaseOnFailure string `json:"releaseOnFailure,omitempty"`
	// Context is DDI.Context (DDIs only).
	Context *rules.CallContext `json:"context,omitempty"`
}

// ParamOverlay adds to one parameter.
type ParamOverlay struct {
	CType  string           `json:"ctype,omitempty"`
	GoType string           `json:"goType,omitempty"`
	GoName string           `json:"goName,omitempty"`
	Dir    rules.Direction  `json:"dir,omitempty"`
	Kind   rules.HandleKind `json:"kind,omitempty"`
	Note   string           `json:"note,omitempty"`
	// Handoff is Param.Handoff (NET_BUFFER_LIST ownership).
	Handoff *rules.Handoff `json:"handoff,omitempty"`
	// Limit and IrqlFlag are Param's.
	Limit    *rules.ArgLimit `json:"limit,omitempty"`
	IrqlFlag *rules.FlagCond `json:"irqlFlag,omitempty"`
}

// Synthesized describes a role documented only inside another page, or a
// DDI documented on a page the reference does not have.
type Synthesized struct {
	Page string `json:"page"`
	// Callback is the role's function name (roles only).
	Callback string `json:"callback,omitempty"`
	Irql     string `json:"irql"`
	Reason   string `json:"reason"`
	// SDV are the Static Driver Verifier rules the public page lists (DDIs
	// only; DDI.SDV).
	SDV []string `json:"sdv,omitempty"`
	// Params are name, dir, ctype (kinds come from ParamKinds).
	Params []struct {
		Name  string          `json:"name"`
		Dir   rules.Direction `json:"dir"`
		CType string          `json:"ctype"`
	} `json:"params"`
}

// StructOverlay adds to one handler structure.
type StructOverlay struct {
	RegisteredBy string `json:"registeredBy"`
	// Required and Reason apply to every slot unless Slots says otherwise.
	Required string                 `json:"required,omitempty"`
	Reason   string                 `json:"reason,omitempty"`
	Slots    map[string]SlotOverlay `json:"slots,omitempty"`
	// Side and SideReason are HandlerStruct's.
	Side       rules.Side `json:"side,omitempty"`
	SideReason string     `json:"sideReason,omitempty"`
	// Placeholder is HandlerStruct.Placeholder.
	Placeholder *rules.Placeholder `json:"placeholder,omitempty"`
}

// SlotOverlay overrides one slot's requirement.
type SlotOverlay struct {
	Required string `json:"required"`
	Reason   string `json:"reason"`
	// RequiredWith and RequiredWithReason are Slot's.
	RequiredWith       string `json:"requiredWith,omitempty"`
	RequiredWithReason string `json:"requiredWithReason,omitempty"`
}

// readOverlay reads overlay.json strictly (unknown fields are errors).
func readOverlay(path string) (*Overlay, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.Wrap(err, "overlay")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var o Overlay
	if err := dec.Decode(&o); err != nil {
		return nil, errors.Wrapf(err, "overlay %s", path)
	}
	return &o, nil
}
