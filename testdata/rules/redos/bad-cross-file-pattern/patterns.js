'use strict';

// Patterns shared by the API and the CSV importer.
exports.PHONE = '^(\\+?\\d+[ -]?)+$';
exports.POSTCODE = '^\\d{5}(-\\d{4})?$';
