/** The ${...} expression language: parsing once, caching, and rendering templates against a scope. */
package io.modelcompose.shared.expr;
