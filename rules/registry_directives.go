package rules

// The rule IDs of the directives pass.
const (
	RuleDirectiveMalformed   = "directive-malformed"
	RuleDirectiveUnknownRule = "directive-unknown-rule"
	RuleIgnoreMissingReason  = "ignore-missing-reason"
	RuleUnusedIgnore         = "unused-ignore"
)

// PassDirectives is the name of the pass that checks ndislint's directive
// comments (analyzers/directives).
const PassDirectives = "directives"

// EveryPass is the Pass of a rule that every pass reports for its own rules.
const EveryPass = "every pass"

// The rules of the directives pass, and the suppression rule every pass
// shares.
var directivesRules = []*Rule{
	{
		ID:    RuleDirectiveMalformed,
		Pass:  PassDirectives,
		Title: "an //ndis: or //ndislint: directive ndislint cannot read",
		Text: `A directive is a line comment with no space after the slashes:

	//ndis:role ROLE_TYPEDEF          the function's callback role (SAL's _Function_class_)
	//ndis:irql max=DISPATCH_LEVEL    the function's IRQL contract
	//ndis:pageable                   the function is pageable (PAGED_CODE)
	//ndislint:ignore RULE[,RULE] why suppress one report on this line or the next

A comment that starts with "// ndis:role" (a space after the slashes) is not
a directive for Go, and every pass ignores it; so are a directive name that
ndislint does not know (//ndis:rol), a directive that needs an argument
written without one, //ndis:pageable with an argument, and an
//ndislint:ignore whose rule list has an empty entry ("//ndislint:ignore ,
reason", a leading, trailing or doubled comma), which suppresses nothing.
The contract the author meant to state is then silently not checked, so each
such comment is reported. Only the shape is checked here; the role and IRQL passes check
what a well-formed //ndis:role or //ndis:irql says.

Malformed directives are reported only in packages that use the runtime
(they import ndis or wdm, directly or not).`,
		Page:   "go/ast ParseDirective (the Go directive comment syntax); SAL annotations in the WDK",
		Wrong:  "// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE\nfunc clCloseCallComplete(status ndis.Status, vc, party ndis.Handle) {}",
		Right:  "//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE\nfunc clCloseCallComplete(status ndis.Status, vc, party ndis.Handle) {}",
		Analog: "malformed SAL annotations are compiler errors under /analyze; go vet's directive and buildtag analyzers do the same for //go: lines",
	},
	{
		ID:    RuleDirectiveUnknownRule,
		Pass:  PassDirectives,
		Title: "//ndislint:ignore names a rule ID no pass reports",
		Text: `An //ndislint:ignore directive suppresses the reports of the rules it
names. A rule ID that no ndislint pass reports (a typo, a renamed rule, a
rule of another tool) suppresses nothing, and no pass would say so, since
each pass checks only the suppressions of its own rules. Rule IDs are
kebab-case and prefixed by their subject (vc-..., irql-..., role-...,
directive-...); 'ndislint help' lists them all.`,
		Page:   "ndislint's suppression directive (docs/command.md)",
		Wrong:  "//ndislint:ignore ST1003 the name of the C driver's flag\nconst VC_FLAG_CM = 0x4",
		Right:  "//lint:ignore ST1003 the name of the C driver's flag\nconst VC_FLAG_CM = 0x4",
		Analog: "staticcheck: a //lint:ignore that matches no check is reported",
	},
	{
		ID:    RuleIgnoreMissingReason,
		Pass:  PassDirectives,
		Title: "//ndislint:ignore without a reason",
		Text: `A suppression must say why the report is wrong or accepted, after the
rule IDs: the next reader (and the next reviewer of a driver that fails in
the field) needs to know what the author knew that the analysis did not.`,
		Page:   "ndislint's suppression directive (docs/command.md)",
		Wrong:  "//ndislint:ignore vc-closecall-status-dropped\nndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)",
		Right:  "//ndislint:ignore vc-closecall-status-dropped clCloseCallComplete does nothing in this driver\nndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)",
		Analog: "staticcheck: //lint:ignore requires a reason",
	},
	{
		ID:    RuleUnusedIgnore,
		Pass:  EveryPass,
		Title: "//ndislint:ignore that suppresses nothing",
		Text: `Every pass reports the //ndislint:ignore directives naming one of its own
rules that suppressed no report on the directive's line or the line below:
the code it excused has changed or moved, and a stale suppression would hide
the next real report at that place.`,
		Page:   "ndislint's suppression directive (docs/command.md)",
		Wrong:  "//ndislint:ignore vc-delete-cm-vc left from an old version\nv.closing = true",
		Right:  "v.closing = true",
		Analog: "staticcheck: \"this linter directive didn't match anything\"",
	},
}
