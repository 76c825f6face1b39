// The in-memory catalog.
export const catalog = [
  { id: 'p1', name: 'Trail shoe', brand: 'Ridge', size: 42 },
  { id: 'p2', name: 'Road shoe', brand: 'Pace', size: 44 },
];
