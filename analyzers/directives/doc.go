// Package directives defines an Analyzer that checks the shape of
// ndislint's directive comments.
//
// # Analyzer directives
//
// directives: check the shape of //ndis: and //ndislint: directive comments
//
// The pass examines the packages that the other passes analyse (they
// import ndis or wdm, carry an //ndis: directive, or import such a package)
// and any package with an //ndis: or //ndislint: directive comment. It
// reports:
//
//   - directive-malformed: an //ndis: or //ndislint: comment ndislint cannot
//     read (an unknown name such as //ndis:rol, a missing or extra argument,
//     or "// ndis:role" with a space, which Go does not treat as a directive),
//     and an //ndislint:ignore whose rule list names no rule or has an
//     empty element ("//ndislint:ignore , why", a leading, trailing or
//     doubled comma, "a, b" with a space), which suppresses nothing;
//   - directive-unknown-rule: an //ndislint:ignore naming a rule ID that no
//     ndislint pass reports (with the nearest rule ID when one is close);
//   - ignore-missing-reason: an //ndislint:ignore with no reason after its
//     rule IDs.
//
// An //ndislint:ignore never suppresses a finding about itself: naming
// ignore-missing-reason or directive-unknown-rule in its own list does not
// excuse its own missing reason or unknown rule ID (and that entry is then
// reported as unused-ignore). It may suppress such a finding about the
// directive on the line below it.
//
// What a well-formed //ndis:role or //ndis:irql says (an unknown role
// typedef, a bad IRQL level) is checked by the roles and irql passes, which
// read it. A package with neither the runtime nor a directive is not
// examined: a comment that only looks like a directive ("// ndis:role" in a
// package that has no other) is none of ndislint's business there.
//
// Example:
//
//	// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE   reported: directive-malformed
//	//ndislint:ignore vc-delete-cm-cv ours          reported: directive-unknown-rule
//	//ndislint:ignore vc-delete-cm-vc               reported: ignore-missing-reason
//
// Run 'ndislint help RULE' for a rule's details.
package directives
