// How the roles screen shares its rows while a role is edited. The form comes first: the table
// gives way (the editor names the role), then the role's description, the editor's border, and
// the screen's heading, until the form has room for a field, what is below it and its hint.
export interface RolesLayout {
  heading: boolean;
  table: boolean;
  border: boolean;
  description: boolean;
  formRows: number;
}

export function rolesLayout(bodyRows: number, roleCount: number, hasDescription: boolean, editing: boolean): RolesLayout {
  const layout: RolesLayout = { heading: true, table: roleCount > 0, border: editing, description: editing && hasDescription && bodyRows >= 9, formRows: 0 };
  if (!editing) return layout;
  // the role's title line, then what is switched on
  const formRows = (): number => bodyRows - 1 - (layout.heading ? 1 : 0) - (layout.table ? roleCount + 1 : 0) - (layout.border ? 2 : 0) - (layout.description ? 1 : 0);
  if (formRows() < 5) layout.table = false;
  if (formRows() < 3) layout.description = false;
  if (formRows() < 3) layout.border = false;
  if (formRows() < 3) layout.heading = false;
  return { ...layout, formRows: Math.max(1, formRows()) };
}
