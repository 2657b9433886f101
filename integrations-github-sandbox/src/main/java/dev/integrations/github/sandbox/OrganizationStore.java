package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Organizations and their memberships. An organization is also registered as an account in the
 * {@link Directory}, so that its login cannot be taken by a user and it can own repositories in
 * the {@link RepositoryStore} (like every account there, it starts with the seeded repositories).
 * Members are admins or plain members, and each membership is public or concealed, which decides
 * what {@code GET /orgs/{org}/members/{username}} and {@code /public_members/{username}} reveal.
 * Thread-safe.
 */
final class OrganizationStore {

    /** One member: {@code role} is {@code admin} or {@code member}. */
    record Membership(SandboxUser user, String role, boolean isPublic) {
    }

    private final Directory directory;
    private final Map<Long, SandboxOrganization> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> idByLogin = new ConcurrentHashMap<>();
    /** The account each organization owns repositories as. */
    private final Map<Long, SandboxUser> accounts = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, Membership>> members = new ConcurrentHashMap<>();

    OrganizationStore(Directory directory) {
        this.directory = directory;
    }

    SandboxOrganization create(String login, @Nullable String name, @Nullable String description) {
        Objects.requireNonNull(login, "login");
        // Registering the account first makes the login unique across users and organizations.
        SandboxUser account = directory.registerUser(login, name, null);
        SandboxOrganization organization = new SandboxOrganization(account.id(), login, name, description, account.createdAt());
        accounts.put(account.id(), account);
        members.put(account.id(), new ConcurrentHashMap<>());
        byId.put(account.id(), organization);
        idByLogin.put(login.toLowerCase(Locale.ROOT), account.id());
        return organization;
    }

    Optional<SandboxOrganization> byLogin(String login) {
        Long id = login == null ? null : idByLogin.get(login.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The organization whose account is {@code account}, if it is one. */
    Optional<SandboxOrganization> forAccount(SandboxUser account) {
        return Optional.ofNullable(byId.get(account.id()));
    }

    boolean isOrganization(SandboxUser account) {
        return byId.containsKey(account.id());
    }

    SandboxUser account(SandboxOrganization organization) {
        SandboxUser account = accounts.get(organization.id());
        if (account == null) {
            throw new IllegalArgumentException("Organization is not known to this sandbox: " + organization.login());
        }
        return account;
    }

    void addMember(SandboxOrganization organization, SandboxUser user, String role, boolean isPublic) {
        Objects.requireNonNull(user, "user");
        if (!role.equals("admin") && !role.equals("member")) {
            throw new IllegalArgumentException("role must be admin or member: " + role);
        }
        if (!directory.isRegistered(user) || isOrganization(user)) {
            throw new IllegalArgumentException("Not a user of this sandbox: " + user.login());
        }
        membersOf(organization).put(user.id(), new Membership(user, role, isPublic));
    }

    boolean removeMember(SandboxOrganization organization, SandboxUser user) {
        return membersOf(organization).remove(user.id()) != null;
    }

    Optional<Membership> membership(SandboxOrganization organization, SandboxUser user) {
        return Optional.ofNullable(membersOf(organization).get(user.id()));
    }

    /** Whether {@code user} is a member (any role, public or not) of the organization owning {@code account}. */
    boolean isMemberOfAccount(SandboxUser account, SandboxUser user) {
        Map<Long, Membership> of = members.get(account.id());
        return of != null && of.containsKey(user.id());
    }

    /** The accounts of the organizations {@code user} is a member of, by id. */
    List<SandboxUser> accountsWithMember(SandboxUser user) {
        List<SandboxUser> list = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, Membership>> entry : members.entrySet()) {
            SandboxUser account = accounts.get(entry.getKey());
            if (account != null && entry.getValue().containsKey(user.id())) {
                list.add(account);
            }
        }
        list.sort(Comparator.comparingLong(SandboxUser::id));
        return list;
    }

    List<Membership> members(SandboxOrganization organization) {
        List<Membership> list = new ArrayList<>(membersOf(organization).values());
        list.sort(Comparator.comparingLong(m -> m.user().id()));
        return list;
    }

    /** The members of the organization with this id; empty for an unknown id. */
    List<Membership> members(long organizationId) {
        SandboxOrganization organization = byId.get(organizationId);
        return organization == null ? List.of() : members(organization);
    }

    private Map<Long, Membership> membersOf(SandboxOrganization organization) {
        Map<Long, Membership> of = members.get(organization.id());
        if (of == null) {
            throw new IllegalArgumentException("Organization is not known to this sandbox: " + organization.login());
        }
        return of;
    }
}
