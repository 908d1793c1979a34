package com.contactcenter.billing.usage;

import java.util.Map;

/** Resolves a user's role name; a NULL or unknown role id falls under {@value #NO_ROLE}. */
public record Roles(Map<Integer, String> namesById) {

    public static final String NO_ROLE = "Sin rol";

    public Roles {
        namesById = Map.copyOf(namesById);
    }

    public boolean isKnown(Integer roleId) {
        return roleId != null && namesById.containsKey(roleId);
    }

    public String nameOf(Integer roleId) {
        return isKnown(roleId) ? namesById.get(roleId) : NO_ROLE;
    }
}
