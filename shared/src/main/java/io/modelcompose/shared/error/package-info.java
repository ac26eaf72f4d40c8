/** The single error type and its codes, shared by every service and mapped once at each edge. */
package io.modelcompose.shared.error;
