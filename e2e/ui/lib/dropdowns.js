'use strict';
// Which dropdowns of a node load their options from the service, and where the user finds them:
// read from the node's description as the editor receives it (/types/nodes.json), so the UI suite
// follows whatever operations, fields and resource locators the nodes have today.
//
//   dropdownPlan(description, { onceEach }) → [{ resource, operation, fields: [{ steps, label, kind, source }] }]
//   resource / operation: { value, name } (name = what the editor shows), undefined when the node
//   has no such parameter; steps: how to reach the field from the panel, in order:
//     { collection: 'Filters', add: 'Answers' }       pick "Answers" in the "Filters" collection
//     { fixedCollection: 'Answers', group: 'Answer' } add an entry to the "Answers" fixed collection

/** A dropdown whose options come from the node (loadOptions) or a resource locator with a list. */
function dropdownKind(p) {
	if (p.type === 'resourceLocator' && (p.modes || []).some((m) => m.typeOptions?.searchListMethod))
		return 'resourceLocator';
	if (
		(p.type === 'options' || p.type === 'multiOptions') &&
		(p.typeOptions?.loadOptionsMethod || p.typeOptions?.loadOptions)
	)
		return 'options';
	return undefined;
}

/** Whether `p` shows with these parameter values (displayOptions show/hide, simple values only). */
function shows(p, values) {
	const check = (conditions, wanted) =>
		Object.entries(conditions || {}).every(([key, allowed]) => {
			const name = key.replace(/^\//, '');
			if (name === '@version') return true;
			if (!Array.isArray(allowed) || allowed.some((a) => a !== null && typeof a === 'object'))
				return true; // a condition object (_cnd): not evaluated, assume it holds
			if (!(name in values)) return !wanted;
			return allowed.includes(values[name]) === wanted;
		});
	const show = p.displayOptions?.show;
	const hide = p.displayOptions?.hide;
	if (show && !check(show, true)) return false;
	if (hide && Object.keys(hide).length && !check(hide, false)) return false;
	return true;
}

function fieldsOf(properties, values, steps, out) {
	for (const p of properties || []) {
		if (!shows(p, values)) continue;
		const kind = dropdownKind(p);
		if (kind) {
			out.push({ steps, label: p.displayName, kind, name: p.name, source: sourceOf(p) });
			continue;
		}
		if (p.type === 'collection')
			for (const option of p.options || [])
				fieldsOf(
					[option],
					values,
					[...steps, { collection: p.displayName, add: option.displayName }],
					out,
				);
		if (p.type === 'fixedCollection')
			for (const group of p.options || [])
				fieldsOf(
					group.values,
					values,
					[...steps, { fixedCollection: p.displayName, group: group.displayName }],
					out,
				);
	}
	return out;
}

/** The top-level parameters' defaults, then the given values. */
function valuesWith(description, given) {
	const values = {};
	for (const p of description.properties || [])
		if (typeof p.default !== 'object' || p.default === null) values[p.name] = p.default;
	return { ...values, ...given };
}

/** Where a dropdown's options come from: its loadOptions method or its list search method. */
function sourceOf(p) {
	if (p.type === 'resourceLocator')
		return `list:${(p.modes || []).find((m) => m.typeOptions?.searchListMethod)?.typeOptions.searchListMethod}`;
	return `options:${p.typeOptions?.loadOptionsMethod ?? JSON.stringify(p.typeOptions?.loadOptions)}`;
}

/**
 * With `onceEach`, a dropdown whose source an earlier operation of the node already loads is left
 * out (Get Many and Get Summary share their filters' lists): every source is loaded once per node.
 */
function dropdownPlan(description, { onceEach = false } = {}) {
	const planned = new Set();
	const props = description.properties || [];
	const resourceParam = props.find((p) => p.name === 'resource' && p.type === 'options');
	const resources = resourceParam
		? resourceParam.options.filter((o) => !String(o.value).startsWith('__'))
		: [undefined];
	const plan = [];
	for (const resource of resources) {
		const base = resource ? { resource: resource.value } : {};
		const operationParam = props.find(
			(p) =>
				p.name === 'operation' && p.type === 'options' && shows(p, valuesWith(description, base)),
		);
		const operations = operationParam
			? operationParam.options.filter((o) => !String(o.value).startsWith('__'))
			: [undefined];
		for (const operation of operations) {
			const values = valuesWith(description, {
				...base,
				...(operation ? { operation: operation.value } : {}),
			});
			const fields = fieldsOf(
				props.filter((p) => p !== resourceParam && p !== operationParam),
				values,
				[],
				[],
			).filter((field) => {
				if (!onceEach) return true;
				if (planned.has(field.source)) return false;
				planned.add(field.source);
				return true;
			});
			plan.push({
				resource: resource && { value: resource.value, name: resource.name },
				operation: operation && { value: operation.value, name: operation.name },
				operationLabel: operationParam?.displayName,
				resourceLabel: resourceParam?.displayName,
				fields,
			});
		}
	}
	return plan;
}

module.exports = { dropdownPlan, dropdownKind, shows, sourceOf };
