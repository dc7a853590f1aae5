package rules

import "fmt"

// Catalogue is the whole NDIS contract ndislint knows.
type Catalogue struct {
	// Source says where the data came from (the reference and its commit).
	Source string `json:"source"`
	// DDIs are the functions (and function-like macros) drivers call.
	DDIs []DDI `json:"ddis"`
	// Roles are the callback role typedefs drivers implement.
	Roles []Role `json:"roles"`
	// Structs are the handler structures that register roles.
	Structs []HandlerStruct `json:"structs"`
	// Lifetimes are the state machines of the CoNDIS objects.
	Lifetimes []Lifetime `json:"lifetimes"`
	// States are the operational states of NDIS 6 objects in which DDIs
	// are forbidden or required (StateMachine).
	States []StateMachine `json:"states,omitempty"`
	// Exclusions are the pages that match a family's page prefix but are
	// not of that family, each with the reason (and where the entry lives
	// instead, if anywhere).
	Exclusions []Exclusion `json:"exclusions"`
	// Pairs are the resources acquired in one role and released in another
	// (Pair).
	Pairs []Pair `json:"pairs,omitempty"`
	// Companions are DDIs whose use in a role asks for another DDI there
	// too (Companion).
	Companions []Companion `json:"companions,omitempty"`
	// Orders are DDIs that a handler of a role may call only after another
	// DDI (Order).
	Orders []Order `json:"orders,omitempty"`
	// TimeBounds are the bounds of Driver Verifier's timed NDIS rules, from
	// the NDIS/WIFI verification rule-set page (schema_timed.go).
	TimeBounds []TimeBound `json:"timeBounds,omitempty"`
	// OidStatuses is SDV NdisOidComplete's per-OID status table (OidTable).
	OidStatuses *OidTable `json:"oidStatuses,omitempty"`
	// Uncatalogued are the functions package wdm or ndis exports that are
	// no DDI (Go-model helpers with no page), each with the reason. Every
	// other exported function of those packages is a DDI of the catalogue
	// (the exports test checks it).
	Uncatalogued []Uncatalogued `json:"uncatalogued,omitempty"`

	ddiByName  map[string]*DDI
	ddiByGo    map[string]*DDI
	roleByName map[string]*Role
	roleByGo   map[string]*Role
}

// Direction is a parameter's direction as its page gives it.
type Direction string

// The parameter directions.
const (
	In    Direction = "in"
	Out   Direction = "out"
	InOut Direction = "in,out"
)

// HandleKind says what an NDIS_HANDLE (or other) parameter carries.
type HandleKind string

// The handle kinds. NDIS handles are created by NDIS; contexts are the
// caller's own values that NDIS passes back.
const (
	KindNone           HandleKind = ""
	KindVcHandle       HandleKind = "vc-handle"
	KindAfHandle       HandleKind = "af-handle"
	KindSapHandle      HandleKind = "sap-handle"
	KindPartyHandle    HandleKind = "party-handle"
	KindBindingHandle  HandleKind = "binding-handle"
	KindDriverHandle   HandleKind = "driver-handle"
	KindAdapterHandle  HandleKind = "adapter-handle"
	KindObjectHandle   HandleKind = "ndis-object-handle" // driver, adapter, binding or filter handle
	KindBindContext    HandleKind = "bind-context"
	KindUnbindContext  HandleKind = "unbind-context"
	KindWorkItemHandle HandleKind = "workitem-handle"
	KindTimerHandle    HandleKind = "timer-handle"
	KindVcContext      HandleKind = "vc-context"
	KindAfContext      HandleKind = "af-context"
	KindSapContext     HandleKind = "sap-context"
	KindPartyContext   HandleKind = "party-context"
	KindBindingContext HandleKind = "binding-context"
	KindDriverContext  HandleKind = "driver-context"
	KindAdapterContext HandleKind = "adapter-context"
	KindFilterHandle   HandleKind = "filter-handle"  // NdisFilterHandle: one filter module
	KindFilterContext  HandleKind = "filter-context" // FilterModuleContext
	KindOwnContext     HandleKind = "own-context"
	KindStatus         HandleKind = "status"
)

// Param is one parameter of a DDI or role, in page order.
type Param struct {
	// Name is the page's name (NdisVcHandle).
	Name string `json:"name"`
	// GoName is the Go parameter name (ndisVcHandle).
	GoName string `json:"goName"`
	// Dir is the direction the page gives.
	Dir Direction `json:"dir"`
	// Optional is true for [in, optional] and the like: NULL is allowed.
	Optional bool `json:"optional,omitempty"`
	// CType is the C type (from prototypes.tsv or the overlay).
	CType string `json:"ctype"`
	// GoType is the type of the parameter in the Go model.
	GoType string `json:"goType"`
	// Kind is what the parameter carries.
	Kind HandleKind `json:"kind,omitempty"`
	// Limit is the bound the page sets on the argument's value (DDIs only;
	// from the overlay, with the page's sentence).
	Limit *ArgLimit `json:"limit,omitempty"`
	// IrqlFlag marks a role's flags parameter that carries a dispatch-level
	// flag telling the current IRQL (NDIS_SEND_FLAGS_DISPATCH_LEVEL): a
	// handler with one must not query the IRQL (roles only).
	IrqlFlag *FlagCond `json:"irqlFlag,omitempty"`
	// Handoff is what the DDI does with the NET_BUFFER_LISTs this parameter
	// passes: the caller's ownership ends at the call (nil for every other
	// parameter). DDIs only; from the overlay, with the page's sentence.
	Handoff *Handoff `json:"handoff,omitempty"`
	// Note explains what the catalogue decided by hand for this parameter
	// (a direction the page does not give, a Go name that is not the
	// page's name in lowerCamelCase).
	Note string `json:"note,omitempty"`
}

// IrqlKind is the shape of an IRQL requirement.
type IrqlKind string

// The IRQL requirement shapes.
const (
	IrqlMax   IrqlKind = "max"   // <= Level
	IrqlMin   IrqlKind = "min"   // >= Level
	IrqlExact IrqlKind = "exact" // == Level
	IrqlAny   IrqlKind = "any"   // any level
)

// Irql is an IRQL requirement (for DDIs) or the IRQL a role is called at.
type Irql struct {
	Kind IrqlKind `json:"kind"`
	// Level is the wdm.h name (DISPATCH_LEVEL); empty for IrqlAny.
	Level string `json:"level,omitempty"`
	// Page is req.irql as the page writes it.
	Page string `json:"page"`
	// Reason explains a requirement resolved by hand (pages that say "See
	// Remarks", or where the catalogue reads the page differently).
	Reason string `json:"reason,omitempty"`
	// When are the narrower bounds the page makes depend on an argument's
	// constant value (KeSetEvent's Wait = TRUE: <= APC_LEVEL), each holding
	// in addition to Kind/Level when its condition holds (IrqlWhen). DDIs
	// only; from the overlay's irqlWhen, with the page's sentences.
	When []IrqlWhen `json:"when,omitempty"`
}

// IrqlEffect is what a DDI does to the current IRQL.
type IrqlEffect string

// The IRQL effects.
const (
	EffectNone            IrqlEffect = ""
	EffectRaiseToDispatch IrqlEffect = "raise-to-dispatch" // saves the old IRQL
	EffectRaise           IrqlEffect = "raise"             // to its NewIrql argument
	EffectRestore         IrqlEffect = "restore"           // to the saved IRQL
	EffectRequireDispatch IrqlEffect = "at-dispatch"       // Dpr forms: IRQL unchanged
	EffectQuery           IrqlEffect = "query"             // returns the current IRQL
)

// The IRQL effects, with the parameters they act on:
//   - raise-to-dispatch: the IRQL becomes DISPATCH_LEVEL; the old IRQL is
//     stored through the *wdm.Irql out-parameter, or is the result, or (for
//     a lock) is kept in the lock.
//   - raise: the IRQL becomes the wdm.Irql in-parameter; the old one is
//     stored through the *wdm.Irql out-parameter.
//   - restore: the IRQL becomes the wdm.Irql in-parameter, or, with no such
//     parameter, the IRQL saved in the lock the DDI releases.
//   - at-dispatch: the IRQL is unchanged (the caller is at DISPATCH_LEVEL).
//   - query: the IRQL is unchanged and the result is the current IRQL.
//
// "The wdm.Irql in-parameter" is the first parameter, in page order, whose
// goType is wdm.Irql and whose dir is in or in,out (NDIS_LOWER_IRQL's
// _OldIrql_; its _CurIrql_ only restates the current IRQL); "the *wdm.Irql
// out-parameter" is the first whose goType is *wdm.Irql and whose dir is out
// or in,out. A DDI whose effect needs one that it lacks leaves the IRQL
// unknown to the irql pass.

// Lock says what a DDI does to a lock parameter: a spin lock, or the lock
// state of one acquisition of a read-write lock (each acquisition has its
// own, which also keeps the IRQL the acquire found).
type Lock struct {
	// Op is acquire, release, init or free.
	Op string `json:"op"`
	// Param is the page name of the lock parameter.
	Param string `json:"param"`
	// Dpr is true for the forms that require DISPATCH_LEVEL and leave it.
	Dpr bool `json:"dpr,omitempty"`
	// Noun is how diagnostics name what Param holds ("read-write lock
	// state": the LOCK_STATE of one acquisition of a read-write lock);
	// empty for a spin lock. See LockNoun.
	Noun string `json:"noun,omitempty"`
}

// LockNoun is how diagnostics name the lock of a lock operation: its Noun,
// "spin lock" when it has none.
func (l *Lock) LockNoun() string {
	if l == nil || l.Noun == "" {
		return "spin lock"
	}
	return l.Noun
}

// The lock operations (Lock.Op).
const (
	LockAcquire = "acquire" // takes the lock
	LockRelease = "release" // gives it back
	LockInit    = "init"    // initialises it: it must not be held
	LockFree    = "free"    // frees it: it must not be held
)

// DDI is one function drivers call.
type DDI struct {
	// Name is the NDIS (or wdm) name: NdisClCloseCall, KeRaiseIrql.
	Name string `json:"name"`
	// Package is the Go package of the model: ndis or wdm.
	Package string `json:"package"`
	// GoName is the exported Go name: ClCloseCall, KeRaiseIrql.
	GoName string `json:"goName"`
	// GoNameReason says why GoName is not the naming rule's (NdisOidRequest
	// keeps its prefix: ndis.OidRequest is the NDIS_OID_REQUEST type).
	GoNameReason string `json:"goNameReason,omitempty"`
	// Page is the reference page (file name without .md).
	Page string `json:"page"`
	// Family groups the DDI: condis-client, condis-cm, condis-common,
	// condis-mcm, condis-miniport, protocol, lock, irql, memory, wait,
	// workitem, timer, event.
	Family string `json:"family"`
	// Params are in page order.
	Params []Param `json:"params"`
	// Returns is the C return type (VOID, NDIS_STATUS, ...).
	Returns string `json:"returns"`
	// GoReturns is the Go result type ("" for none).
	GoReturns string `json:"goReturns,omitempty"`
	// Irql is the IRQL the caller must be at.
	Irql Irql `json:"irql"`
	// Effect is the change the DDI makes to the IRQL.
	Effect IrqlEffect `json:"effect,omitempty"`
	// Lock is the lock operation (a spin lock, or one acquisition of a
	// read-write lock), if any.
	Lock *Lock `json:"lock,omitempty"`
	// Pends is true when the DDI may return NDIS_STATUS_PENDING and then
	// completes through CompletedBy.
	Pends bool `json:"pends,omitempty"`
	// CompletedBy is the role NDIS calls when the request pended.
	CompletedBy string `json:"completedBy,omitempty"`
	// Completes is the role whose pended request this DDI completes
	// (NdisCmCloseCallComplete completes PROTOCOL_CM_CLOSE_CALL).
	Completes string `json:"completes,omitempty"`
	// Invokes are the roles of the peer NDIS calls synchronously inside the
	// DDI (NdisCoCreateVc runs the peer's PROTOCOL_CO_CREATE_VC).
	Invokes []string `json:"invokes,omitempty"`
	// Delivers are the roles of the peer that NDIS calls as a result of
	// the DDI, before or after it returns (NdisCmMakeCallComplete delivers
	// PROTOCOL_CL_MAKE_CALL_COMPLETE to the client).
	Delivers []string `json:"delivers,omitempty"`
	// Statuses are the statuses the page says the DDI returns.
	Statuses []string `json:"statuses,omitempty"`
	// SDV are the Static Driver Verifier rules the page lists.
	SDV []string `json:"sdv,omitempty"`
	// Notes are contract facts the overlay adds, one sentence each.
	Notes []string `json:"notes,omitempty"`
	// Context restricts the roles in whose context the DDI may be called
	// (nil: anywhere its IRQL allows). From the overlay, with the page's
	// sentence.
	Context *CallContext `json:"context,omitempty"`
	// Synthesized is set, with the reason, when the DDI has no page in the
	// reference and its signature, IRQL and SDV rules come from the
	// overlay: the reason cites the public page (Page names it, outside the
	// reference) and the SDV pages of the reference that name the DDI
	// (NdisAllocateMdl, documented in the mdlapi header, whose pages the
	// reference does not have).
	Synthesized string `json:"synthesized,omitempty"`
}

// CallContext says in which roles' context a DDI may be called: while the
// driver's handler for the role runs, directly or through the functions it
// calls before returning (not from work items or timers it queues).
type CallContext struct {
	// Only, when set, are the roles the DDI may be called from; elsewhere
	// it is a defect.
	Only []string `json:"only,omitempty"`
	// Never are the roles the DDI must not be called from.
	Never []string `json:"never,omitempty"`
	// NullOnly are roles in whose context the DDI may be called only while
	// one of the role's parameters is NULL: NdisReEnumerateProtocolBindings
	// in ProtocolNetPnPEvent only when ProtocolBindingContext is NULL (an
	// event for all bindings). Allows does not read it; NullRequired does.
	NullOnly []RoleParam `json:"nullOnly,omitempty"`
	// SDV is the Static Driver Verifier rule that states it, if any.
	SDV string `json:"sdv,omitempty"`
	// Reason is the page's sentence.
	Reason string `json:"reason"`
}

// RoleParam names one parameter of a role.
type RoleParam struct {
	// Role is the role's typedef: PROTOCOL_NET_PNP_EVENT.
	Role string `json:"role"`
	// Param is the parameter's name on the role's page:
	// ProtocolBindingContext.
	Param string `json:"param"`
}

// NullRequired returns the parameter of role that must be NULL for the DDI
// to be called in its context (CallContext.NullOnly), or "" when the
// context sets no such condition for role.
func (x *CallContext) NullRequired(role string) string {
	if x == nil {
		return ""
	}
	for _, rp := range x.NullOnly {
		if rp.Role == role {
			return rp.Param
		}
	}
	return ""
}

// Allows reports whether the DDI may be called while role runs (role ""
// for outside any role).
func (x *CallContext) Allows(role string) bool {
	if x == nil {
		return true
	}
	for _, r := range x.Never {
		if r == role {
			return false
		}
	}
	if len(x.Only) == 0 {
		return true
	}
	for _, r := range x.Only {
		if r == role {
			return true
		}
	}
	return false
}

// Role is one callback role typedef.
type Role struct {
	// Name is the typedef: PROTOCOL_CL_CLOSE_CALL_COMPLETE.
	Name string `json:"name"`
	// GoName is the role type in package ndis: ProtocolClCloseCallComplete.
	GoName string `json:"goName"`
	// Callback is the function name the page documents.
	Callback string `json:"callback"`
	// Page is the reference page.
	Page string `json:"page"`
	// Family groups the role like DDI.Family.
	Family string `json:"family"`
	// Params are in page order.
	Params []Param `json:"params"`
	// Returns is the C return type.
	Returns string `json:"returns"`
	// GoReturns is the Go result type ("" for none).
	GoReturns string `json:"goReturns,omitempty"`
	// Irql is the IRQL NDIS calls the role at.
	Irql Irql `json:"irql"`
	// ParamOrderReason says why Params are not in the order of the page's
	// headings (the page lists them in another order than ndis.h's
	// prototype, which the model follows); empty when they are.
	ParamOrderReason string `json:"paramOrderReason,omitempty"`
	// Statuses are the statuses the role may return (empty: VOID).
	Statuses []string `json:"statuses,omitempty"`
	// AddedStatuses are the statuses of Statuses the role's page does not
	// list but another public page documents for it (NDIS_STATUS_MULTICAST_FULL
	// for MINIPORT_OID_REQUEST, from OID_802_3_MULTICAST_LIST's page), each
	// with that page's sentence; from the overlay.
	AddedStatuses []AddedStatus `json:"addedStatuses,omitempty"`
	// Forbidden are statuses the page forbids (NDIS_STATUS_PENDING for
	// PROTOCOL_CO_DELETE_VC).
	Forbidden []string `json:"forbidden,omitempty"`
	// MayPend is true when the role may return NDIS_STATUS_PENDING and must
	// then call CompletedBy exactly once.
	MayPend bool `json:"mayPend,omitempty"`
	// CompletedBy is the DDI the driver calls to complete a pended call.
	CompletedBy string `json:"completedBy,omitempty"`
	// CompletedByMCM is the DDI a miniport call manager calls instead
	// (NdisMCmMakeCallComplete for PROTOCOL_CM_MAKE_CALL).
	CompletedByMCM string `json:"completedByMcm,omitempty"`
	// Completes are the DDIs whose pended requests this role completes
	// (PROTOCOL_CL_CLOSE_CALL_COMPLETE completes NdisClCloseCall).
	Completes []string `json:"completes,omitempty"`
	// Request, for a role that may pend, says which of its parameters
	// carries the request CompletedBy completes and which parameter of
	// CompletedBy names the same request, with the page that says so
	// (Catalogue.RequestParams); nil when the catalogue does not say.
	Request *Request `json:"request,omitempty"`
	// Notes are contract facts the overlay adds.
	Notes []string `json:"notes,omitempty"`
	// Synthesized is set, with the reason, when the role has no page of
	// its own and its parameters come from the overlay
	// (NDIS_IO_WORKITEM_FUNCTION, documented on nf-ndis-ndisqueueioworkitem).
	Synthesized string `json:"synthesized,omitempty"`
	// ReleaseOnFailure, when set, is the page's sentence that a handler of
	// the role that fails must release what it acquired before it returns
	// (MiniportInitializeEx: NDIS calls no MiniportHaltEx for an adapter
	// whose initialization failed). The pairs whose In is the role
	// (Catalogue.Pairs) are then owed on the role's failing returns too.
	ReleaseOnFailure string `json:"releaseOnFailure,omitempty"`
	// Driver is the kind of driver whose callback the role is, derived by
	// the generator from the typedef's prefix (PROTOCOL_: protocol,
	// MINIPORT_: miniport); DriverAny for roles any driver implements
	// (SET_OPTIONS, NDIS_TIMER_FUNCTION).
	Driver DriverKind `json:"driver,omitempty"`
}

// AddedStatus is a status a role may return that its own page does not
// list.
type AddedStatus struct {
	// Status is the NDIS name.
	Status string `json:"status"`
	// Reason cites the public page that documents it.
	Reason string `json:"reason"`
}

// Request ties a request a role's handler pends to the DDI that completes
// it: the role's parameter that identifies the request (the CallMgrVcContext
// of ProtocolCmMakeCall) and the completing DDI's parameter that names the
// same request (the NdisVcHandle of NdisCmMakeCallComplete, which the call
// manager keeps in the state that context designates). Completion names a
// parameter of Role.CompletedBy; the CompletedByMCM macro takes the
// parameter at the same position.
type Request struct {
	// Param is the page name of the role's parameter.
	Param string `json:"param"`
	// Completion is the page name of CompletedBy's parameter.
	Completion string `json:"completion"`
	// Reason cites the page sentence that ties the two.
	Reason string `json:"reason"`
}

// DriverKind is a kind of NDIS driver.
type DriverKind string

// The driver kinds.
const (
	DriverAny      DriverKind = ""
	DriverProtocol DriverKind = "protocol"
	DriverMiniport DriverKind = "miniport"
	DriverFilter   DriverKind = "filter"
)

// Exclusion is a page left out of the family its name prefix suggests.
type Exclusion struct {
	// Page is the reference page (file name without .md).
	Page string `json:"page"`
	// Name is the page's api_name.
	Name string `json:"name"`
	// Reason says why the page is not of the family.
	Reason string `json:"reason"`
	// CoveredAs is the family the entry is catalogued under instead, or
	// empty when it is out of scope.
	CoveredAs string `json:"coveredAs,omitempty"`
}

// Uncatalogued is an exported function of package wdm or ndis that the
// catalogue deliberately has no DDI entry for.
type Uncatalogued struct {
	// Package is wdm or ndis.
	Package string `json:"package"`
	// GoName is the exported function's name (IrqlByName).
	GoName string `json:"goName"`
	// Reason says why it is not a DDI.
	Reason string `json:"reason"`
}

// HandlerStruct is a structure of handler slots.
type HandlerStruct struct {
	// Name is the C name: NDIS_CO_CLIENT_OPTIONAL_HANDLERS.
	Name string `json:"name"`
	// GoName is the Go type in package ndis: CoClientOptionalHandlers.
	GoName string `json:"goName"`
	// Page is the reference page.
	Page string `json:"page"`
	// RegisteredBy is the DDI the structure is passed to.
	RegisteredBy string `json:"registeredBy"`
	// Side is whose handlers the structure holds, client or call manager,
	// when the page says (SideReason cites it); empty for structures any
	// CoNDIS driver registers.
	Side Side `json:"side,omitempty"`
	// SideReason cites the page sentence behind Side.
	SideReason string `json:"sideReason,omitempty"`
	// Placeholder is the status the page lets every handler of the
	// structure return for what the driver does not support, whatever the
	// handler's own page lists (NDIS_STATUS_NOT_SUPPORTED for the CoNDIS
	// optional handlers); nil when the page says nothing of it.
	Placeholder *Placeholder `json:"placeholder,omitempty"`
	// Slots are the handler fields, in page order.
	Slots []Slot `json:"slots"`
}

// Side is the client or call-manager side of a CoNDIS driver.
type Side string

// The sides.
const (
	SideUnknown     Side = ""
	SideClient      Side = "client"
	SideCallManager Side = "call-manager"
)

// Placeholder is a status the catalogue picks for handlers that do nothing
// (a driver's placeholder, a handler ndislint generates), with the page
// sentence or the derivation behind it.
type Placeholder struct {
	// Status is the NDIS name (NDIS_STATUS_NOT_SUPPORTED).
	Status string `json:"status"`
	// Reason is "page: sentence": the page the choice rests on and what
	// it says (or, for a choice the generator derives, how).
	Reason string `json:"reason"`
}

// Slot is one handler field of a HandlerStruct.
type Slot struct {
	// Field is the C (and Go) field name: ClCloseCallCompleteHandler.
	Field string `json:"field"`
	// Role is the typedef the field takes.
	Role string `json:"role"`
	// Required says who must fill the slot: "all" (RequiredAll: every
	// driver that registers the structure), "" (optional), or a condition
	// in words.
	Required string `json:"required,omitempty"`
	// Reason cites the page sentence behind Required.
	Reason string `json:"reason,omitempty"`
	// RequiredWith, for a condition on the kind of driver ("clients"),
	// names the handler structure whose registration shows a driver is of
	// that kind: the slot is mandatory for a driver that registers both
	// (NDIS_CO_CLIENT_OPTIONAL_HANDLERS for a CoNDIS client).
	RequiredWith string `json:"requiredWith,omitempty"`
	// RequiredWithReason cites the page that ties the kind of driver to
	// that structure.
	RequiredWithReason string `json:"requiredWithReason,omitempty"`
	// Placeholder is the status a handler generated for the slot returns,
	// for roles that return NDIS_STATUS: the role's own choice in the
	// overlay, else the structure's Placeholder, else NDIS_STATUS_SUCCESS
	// where the role's page lists it, else the first status it lists that
	// neither pends nor stands for any status. Derived by the generator.
	Placeholder *Placeholder `json:"placeholder,omitempty"`
}

// RequiredAll is Slot.Required for a slot every driver that registers the
// structure must fill.
const RequiredAll = "all"

// Lifetime is the state machine of one CoNDIS object kind, from
// ../shared/condis. The state names are data: a pass finds states through
// Initial and the edges, never by name.
type Lifetime struct {
	// Object is vc-client, vc-cm, call, party, af or sap (the Object*
	// constants).
	Object string `json:"object"`
	// Initial is the state before the object exists; the edges that leave
	// it are the object's creation (Lifetime.Creation).
	Initial string `json:"initial"`
	// Handle is the kind of the parameters that carry the object's NDIS
	// handle (vc-handle for a VC): what an edge's Invalid applies to.
	Handle HandleKind `json:"handle"`
	// Context is the kind of the parameters that carry the driver's own
	// context for the object (vc-context), if it has one.
	Context HandleKind `json:"context,omitempty"`
	// Invalid says which calls must not be made with the handle once an
	// edge has invalidated it (Edge.InvalidatesKind == Handle), with the
	// page that says so; nil when the pages say nothing that precise.
	Invalid *InvalidUse `json:"invalid,omitempty"`
	// Creators are the DDIs or roles that make the handle valid.
	Creators []string `json:"creators"`
	// Deleters are who may end the object, with the DDI or role.
	Deleters []string `json:"deleters"`
	// Edges are the transitions.
	Edges []Edge `json:"edges"`
	// Source cites the conceptual page(s).
	Source string `json:"source"`
	// Notes are rules of the lifetime that are not transitions (who must
	// never delete), each citing its page.
	Notes []string `json:"notes,omitempty"`
}

// Edge is one transition of a Lifetime. From, By, When, To, Invalidates,
// Source and Busy are written by hand (overlay.json); Event, Cond, WhenOpaque and
// InvalidatesKind are derived from them by the generator, and Load checks
// that they agree.
type Edge struct {
	// From is the state the edge leaves, or several joined by "|"
	// ("accepted|connected"; Edge.Leaves).
	From string `json:"from"`
	// By is the DDI or role that causes it ("PROTOCOL_CL_CLOSE_CALL_COMPLETE").
	By string `json:"by"`
	// When is a condition on the event, in words ("Status ==
	// NDIS_STATUS_SUCCESS", "returns NDIS_STATUS_PENDING"; ParseWhen lists
	// the forms).
	When string `json:"when,omitempty"`
	To   string `json:"to"`
	// Invalidates names the handle the event makes invalid for the client.
	Invalidates string `json:"invalidates,omitempty"`
	// Source cites the page.
	Source string `json:"source"`
	// Busy names the lifetimes (their Object) whose objects, created with
	// this object's handle (NdisClRegisterSap and NdisCoCreateVc take the
	// NdisAfHandle), must all have ended before the edge is taken
	// (NdisClCloseAddressFamily with SAPs or VCs still open). Written by
	// hand; Source cites the page.
	Busy []string `json:"busy,omitempty"`
	// Event says whether By is a DDI the driver calls (ddi) or a role NDIS
	// calls (role). Derived.
	Event EventKind `json:"event"`
	// Cond is When in structured form, nil when the edge is taken
	// whatever the status (no When, or "any Status"). Derived.
	Cond *Cond `json:"cond,omitempty"`
	// WhenOpaque is true when When states a condition Cond cannot express
	// ("NdisPartyHandle is the last party"): whether the edge is taken
	// cannot be told from statuses. Derived.
	WhenOpaque bool `json:"whenOpaque,omitempty"`
	// InvalidatesKind is the kind of the handle or context Invalidates
	// names (vc-handle for NdisVcHandle), from the parameter kinds of
	// overlay.json; empty when Invalidates names no handle
	// (CallParameters). Derived.
	InvalidatesKind HandleKind `json:"invalidatesKind,omitempty"`
}

// EventKind says what causes an Edge.
type EventKind string

// The event kinds.
const (
	// EventDDI is a call of a DDI by the driver.
	EventDDI EventKind = "ddi"
	// EventRole is a call of one of the driver's roles by NDIS.
	EventRole EventKind = "role"
)

// Cond is an edge's condition: the value Of a status (the event's result
// or one of its parameters) is, or is not, one of Values.
type Cond struct {
	// Of is CondReturn for the DDI's or role's NDIS_STATUS result, else
	// the page name of a parameter of the event ("Status").
	Of string `json:"of"`
	// Op is "==" (the value is one of Values) or "!=" (none of them).
	Op string `json:"op"`
	// Values are NDIS_STATUS names, or NULL for a handle or context
	// parameter.
	Values []string `json:"values"`
}

// CondReturn is Cond.Of for a condition on the event's result.
const CondReturn = "return"

// InvalidUse is what a lifetime forbids doing with an invalidated handle.
type InvalidUse struct {
	// Families are the DDI families (DDI.Family) whose calls must not take
	// the handle once it is invalid.
	Families []string `json:"families"`
	// Reason cites the page sentence that says so.
	Reason string `json:"reason"`
	// Except are DDIs of those families that may still take the handle
	// once it is invalid (NdisClNotifyCloseAddressFamilyComplete after
	// NdisClCloseAddressFamily), each cited in Reason.
	Except []string `json:"except,omitempty"`
}

// Handoff is the NET_BUFFER_LIST ownership rule of one DDI parameter: once
// the DDI is called, the lists it passes are not the caller's until Until
// gives them back, unless KeepIf holds for the call.
type Handoff struct {
	// Until is the role through which NDIS gives the lists back to the
	// caller (PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE), or "" when they
	// are not the caller's again (returned to their owner, or freed).
	Until string `json:"until,omitempty"`
	// KeepIf, when set, is the flag whose presence in another parameter
	// leaves the lists the caller's on return (NDIS_RECEIVE_FLAGS_RESOURCES).
	KeepIf *FlagCond `json:"keepIf,omitempty"`
	// Reason is the page's sentence.
	Reason string `json:"reason"`
}

// FlagCond is a flag bit tested in a ULONG parameter.
type FlagCond struct {
	// Param is the page name of the flags parameter (ReceiveFlags).
	Param string `json:"param"`
	// Flag is the ndis.h name (NDIS_RECEIVE_FLAGS_RESOURCES).
	Flag string `json:"flag"`
	// Value is its value in ndis.h; the exports test checks it against the
	// model's constant.
	Value uint32 `json:"value"`
}

// Holds reports whether the flag is set in flags.
func (f *FlagCond) Holds(flags uint32) bool { return flags&f.Value != 0 }

// ArgLimit bounds an integer argument.
type ArgLimit struct {
	// Max, when set, is the largest value allowed.
	Max *uint64 `json:"max,omitempty"`
	// NonZero says 0 is not allowed.
	NonZero bool `json:"nonZero,omitempty"`
	// SDV is the Static Driver Verifier rule that states it, if any.
	SDV string `json:"sdv,omitempty"`
	// Reason is the page's sentence.
	Reason string `json:"reason"`
}

// Admits reports whether v is within the limit.
func (l *ArgLimit) Admits(v uint64) bool {
	if l == nil {
		return true
	}
	if l.NonZero && v == 0 {
		return false
	}
	return l.Max == nil || v <= *l.Max
}

// Describe says the limit in words ("at most 50", "nonzero").
func (l *ArgLimit) Describe() string {
	switch {
	case l.Max != nil && l.NonZero:
		return fmt.Sprintf("nonzero and at most %d", *l.Max)
	case l.Max != nil:
		return fmt.Sprintf("at most %d", *l.Max)
	case l.NonZero:
		return "nonzero"
	}
	return "any value"
}

// Pair is a resource a driver acquires in one role and must release by
// the end of another: what MiniportInitializeEx registers (an interrupt, a
// scatter/gather DMA channel), MiniportHaltEx deregisters.
type Pair struct {
	// Acquire and Release are DDI names.
	Acquire string `json:"acquire"`
	Release string `json:"release"`
	// In is the role whose context the acquisition is checked in; By is
	// the role that must release what In acquired.
	In string `json:"in"`
	By string `json:"by"`
	// SDV are the Static Driver Verifier rules that state it.
	SDV []string `json:"sdv,omitempty"`
	// Reason is the page's sentence.
	Reason string `json:"reason"`
	// Handle, when set, says the release ends the resource: the handle the
	// release takes is dead once it returns, so passing it again to the
	// release (a double free) or to a DDI that uses the resource is a bad
	// handle. Nil for a pair whose release leaves the handle usable
	// (NdisCancelTimerObject: the timer object may be set again).
	Handle *PairHandle `json:"handle,omitempty"`
}

// PairHandle is how a pair's resource is named by a handle: where the
// acquire DDI gives it, which parameter of the release takes it, and which
// other DDIs use it.
//
// It is not a Lifetime for the typestate pass: that engine names objects
// by handle kind (an interrupt's, a configuration's and a work item's
// handles all have kind ndis-object-handle; MDLs, NET_BUFFERs and generic
// objects have none), takes handles from out parameters and callbacks'
// parameters rather than DDI results, and keeps a state only where every
// path agrees, where a double free is a state some path reaches. The
// ddiusage pass reads it instead (bad-handle).
type PairHandle struct {
	// Acquire is the page name of the acquire DDI's out parameter that
	// receives the handle (NdisInterruptHandle), or "" when the DDI returns
	// it (NdisAllocateMdl's PMDL).
	Acquire string `json:"acquire,omitempty"`
	// Release is the page name of the release DDI's parameter that takes
	// the handle (NdisFreeMdl's Mdl).
	Release string `json:"release"`
	// Uses are the parameters of other DDIs that take the handle, as
	// "DDI.Param" (NdisMSynchronizeWithInterruptEx.NdisInterruptHandle).
	Uses []string `json:"uses,omitempty"`
	// ByType, when true, adds every in parameter of every DDI whose Go type
	// is the release parameter's (a pointer type only the resource has:
	// *ndis.Mdl, *ndis.NetBuffer) to Uses. Never for ndis.Handle, which
	// every kind of handle shares.
	ByType bool `json:"byType,omitempty"`
	// Reason is the page's sentence that says the handle is dead.
	Reason string `json:"reason"`
	// Rule is the ID of the rule a use after the release breaks, when it
	// is not RuleBadHandle (a work item's: RuleWorkItemUseAfterFree, the
	// ID the verifier reports it with).
	Rule string `json:"rule,omitempty"`
}

// UseRule returns the rule a use of the handle after the release breaks.
func (h *PairHandle) UseRule() string {
	if h.Rule != "" {
		return h.Rule
	}
	return RuleBadHandle
}

// Companion is a DDI whose use in the context of a role asks for another
// DDI in that role's context as well: NdisMAllocateSharedMemory in
// MiniportInitializeEx with NdisWriteErrorLogEntry for the allocation that
// fails (SDV WriteErrorLog).
type Companion struct {
	// DDI and Requires are DDI names.
	DDI      string `json:"ddi"`
	Requires string `json:"requires"`
	// In is the role.
	In string `json:"in"`
	// SDV is the Static Driver Verifier rule that states it, if any.
	SDV string `json:"sdv,omitempty"`
	// Reason is the page's sentence.
	Reason string `json:"reason"`
	// FailsWhen, when set, is how a call of DDI tells that it failed: the
	// companion is then asked for on the path where the call failed (the
	// allocation that returned NULL), not merely somewhere in the role.
	FailsWhen *Failure `json:"failsWhen,omitempty"`
}

// Order is a DDI that a handler of a role may call only once the handler
// has called another DDI: MiniportInitializeEx (or MiniportAddDevice) calls
// NdisMSetMiniportAttributes before NdisMRegisterIoPortRange (SDV
// NdisMRegisterIoPortRange). Each run of such a handler owes the earlier
// call anew.
type Order struct {
	// DDI is the later DDI's name; After the name of the DDI the handler
	// must have called before it.
	DDI   string `json:"ddi"`
	After string `json:"after"`
	// In are the roles whose handlers the order binds.
	In []string `json:"in"`
	// SDV is the Static Driver Verifier rule that states it, if any.
	SDV string `json:"sdv,omitempty"`
	// Reason is the page's sentence, prefixed by the page's name and ": "
	// (a page of ../shared/sdv as "sdv/<name>").
	Reason string `json:"reason"`
}

// Binds reports whether the order binds handlers of the role named role.
func (o *Order) Binds(role string) bool {
	for _, r := range o.In {
		if r == role {
			return true
		}
	}
	return false
}

// FailNull is Failure.Is for a call that fails by returning NULL at its out
// parameter.
const FailNull = "NULL"

// Failure is how a call of a DDI tells its caller that it failed, by the
// value it returns at one of its out parameters: NdisMAllocateSharedMemory
// returns NULL at VirtualAddress. In the Go model that parameter is a
// pointer, and the value it points to after the call is nil.
type Failure struct {
	// Param is the page name of the DDI's out parameter (VirtualAddress).
	Param string `json:"param"`
	// Is is the value the call returns there when it failed: FailNull, the
	// one form the catalogue has.
	Is string `json:"is"`
	// Reason is the page's sentence that says so.
	Reason string `json:"reason"`
}
