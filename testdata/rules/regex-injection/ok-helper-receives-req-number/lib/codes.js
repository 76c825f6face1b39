const SEPARATORS = { dash: '-', dot: '\\.', none: '' };

function codePattern(req) {
  const digits = Math.min(parseInt(req.query.digits, 10) || 4, 12);
  const sep = SEPARATORS[req.query.sep] ?? '-';
  return new RegExp(`^[A-Z]{2}${sep}\\d{${digits}}$`);
}

module.exports = { codePattern };
