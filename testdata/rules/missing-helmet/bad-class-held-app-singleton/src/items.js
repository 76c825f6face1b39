// In-memory stock until the warehouse service exposes its API.
const stock = [
  { sku: 'A-100', name: 'Bolt M6', qty: 420 },
  { sku: 'A-200', name: 'Nut M6', qty: 380 },
];

module.exports = {
  list: () => stock,
  find: (sku) => stock.find((i) => i.sku === sku),
};
