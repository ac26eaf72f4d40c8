/** Docker runtime options of the controller (SPEC section 7), parsed and validated at load time. */
package io.modelcompose.shared.config.docker;
