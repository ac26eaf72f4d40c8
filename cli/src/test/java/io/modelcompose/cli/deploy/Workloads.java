package io.modelcompose.cli.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Uniform access to the pod template and selector of Deployments, DaemonSets and StatefulSets. */
final class Workloads {
    private Workloads() {
    }

    static boolean isWorkload(HasMetadata resource) {
        return resource instanceof Deployment || resource instanceof DaemonSet || resource instanceof StatefulSet;
    }

    static PodTemplateSpec template(HasMetadata workload) {
        if (workload instanceof Deployment d) {
            return d.getSpec().getTemplate();
        } else if (workload instanceof DaemonSet d) {
            return d.getSpec().getTemplate();
        } else if (workload instanceof StatefulSet s) {
            return s.getSpec().getTemplate();
        }
        throw new IllegalArgumentException("not a workload: " + workload.getKind());
    }

    static LabelSelector selector(HasMetadata workload) {
        if (workload instanceof Deployment d) {
            return d.getSpec().getSelector();
        } else if (workload instanceof DaemonSet d) {
            return d.getSpec().getSelector();
        } else if (workload instanceof StatefulSet s) {
            return s.getSpec().getSelector();
        }
        throw new IllegalArgumentException("not a workload: " + workload.getKind());
    }

    static Map<String, String> podLabels(HasMetadata workload) {
        return template(workload).getMetadata().getLabels();
    }

    static List<Container> containers(HasMetadata workload) {
        return template(workload).getSpec().getContainers();
    }

    /** The container port a probe or service port names (by port name or number), if the container has it. */
    static OptionalInt resolve(Container container, IntOrString port) {
        for (ContainerPort declared : container.getPorts()) {
            boolean byName = port.getStrVal() != null && port.getStrVal().equals(declared.getName());
            boolean byNumber = port.getIntVal() != null && port.getIntVal().equals(declared.getContainerPort());
            if (byName || byNumber) {
                return OptionalInt.of(declared.getContainerPort());
            }
        }
        return OptionalInt.empty();
    }
}
