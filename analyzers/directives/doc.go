// Package directives defines the directives pass, which checks the
// shape of ndislint's directive comments in packages that use the NDIS
// runtime (they import ndis or wdm, directly or not):
//
//   - directive-malformed: an //ndis: or //ndislint: comment ndislint cannot
//     read (an unknown name such as //ndis:rol, a missing or extra argument,
//     or "// ndis:role" with a space, which Go does not treat as a directive);
//   - directive-unknown-rule: an //ndislint:ignore naming a rule ID that no
//     ndislint pass reports;
//   - ignore-missing-reason: an //ndislint:ignore with no reason after its
//     rule IDs.
//
// What a well-formed //ndis:role or //ndis:irql says (an unknown role
// typedef, a bad IRQL level) is checked by the role and IRQL passes, which
// read it. Packages that do not use the runtime are not examined: their
// comments are none of ndislint's business.
//
// Example:
//
//	// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE   reported: directive-malformed
//	//ndislint:ignore vc-delete-cm-cv ours          reported: directive-unknown-rule
//	//ndislint:ignore vc-delete-cm-vc               reported: ignore-missing-reason
package directives
