import { addOrganizationNode, addOrganizationNode2018 } from "./add-organization-node.js";
import { createOrganization, createOrganization2018 } from "./create-organization.js";
import { deleteOrganization, deleteOrganization2018 } from "./delete-organization.js";
import { deleteOrganizationNodes, deleteOrganizationNodes2018 } from "./delete-organization-nodes.js";
import { describeOrganization, getOrganization } from "./describe-organization.js";
import { describeOrganizationAuthNode } from "./describe-organization-auth-node.js";
import { describeOrganizationNodes, listOrganizationNodes } from "./describe-organization-nodes.js";
import { ORGANIZATION_HOOKS } from "./hooks.js";
import { quitOrganization, quitOrganization2018 } from "./quit-organization.js";
import { updateOrganizationNode, updateOrganizationNode2018 } from "./update-organization-node.js";

/** The organization and its departments (Organization Settings, and the department actions), both versions. */
export const ORGANIZATION = {
  name: "organization",
  actions: [
    createOrganization,
    createOrganization2018,
    describeOrganization,
    getOrganization,
    deleteOrganization,
    deleteOrganization2018,
    quitOrganization,
    quitOrganization2018,
    addOrganizationNode,
    addOrganizationNode2018,
    updateOrganizationNode,
    updateOrganizationNode2018,
    deleteOrganizationNodes,
    deleteOrganizationNodes2018,
    describeOrganizationNodes,
    listOrganizationNodes,
    describeOrganizationAuthNode,
  ],
  hooks: ORGANIZATION_HOOKS,
};
