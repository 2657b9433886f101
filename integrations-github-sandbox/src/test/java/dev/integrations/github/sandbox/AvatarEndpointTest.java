package dev.integrations.github.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code avatar_url} of a user leads to an image, without a token, as GitHub's avatar host does. */
class AvatarEndpointTest {

    private GithubSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theAvatarUrlOfTheAuthenticatedUserServesAnSvgIdenticonWithoutAToken() {
        String token = sandbox.issueToken(sandbox.defaultUser(), "read:user");
        String avatarUrl = TestHttp.json(TestHttp.getUser(sandbox, token)).path("avatar_url").asText();

        HttpResponse<String> avatar = TestHttp.get(URI.create(avatarUrl));

        assertThat(avatar.statusCode()).isEqualTo(200);
        assertThat(avatar.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(avatar.body()).startsWith("<svg").endsWith("</svg>").contains("<rect x=");
    }

    @Test
    void theSameIdAlwaysGetsTheSamePictureAndOtherIdsAnotherOne() {
        assertThat(AvatarHandler.identicon(1)).isEqualTo(AvatarHandler.identicon(1));
        assertThat(AvatarHandler.identicon(1)).isNotEqualTo(AvatarHandler.identicon(2));
    }

    @Test
    void onlyNumericAvatarPathsAreServed() {
        assertThat(TestHttp.get(sandbox.baseUri().resolve("/avatars/u/octocat")).statusCode()).isEqualTo(404);
        assertThat(TestHttp.get(sandbox.baseUri().resolve("/avatars/u/1/extra")).statusCode()).isEqualTo(404);
    }
}
