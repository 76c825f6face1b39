function asText(value) {
  return typeof value === 'string' ? value : String(value);
}

module.exports = { asText };
